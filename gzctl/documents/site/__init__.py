"""The village website: static pages for residents, agenda.ics, a news feed and a
poster, written into the project's ``website/`` folder by ``gzctl site build``.

prepare.py turns the project into plain Dutch data, picture.py draws the network, feed.py
writes the Atom feed, build.py renders templates/site/ and writes the folder.
"""
