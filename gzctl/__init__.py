"""gzctl: helps a village roll out a Gemeenschapszorg netwerk."""

__version__ = "0.1.0"
