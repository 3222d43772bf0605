"""advisors"""
