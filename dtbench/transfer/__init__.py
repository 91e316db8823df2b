"""Carry engagements between machines: engagement files (.dtbx) with everything in them.

``snapshot`` turns one engagement into plain, typed data and back (uuids kept); ``package``
writes and reads the zip file around it, refusing hostile or broken files before anything
touches the database; ``dtbench.cli.package`` holds ``dtbench package export|import``. No Qt
here.
"""
