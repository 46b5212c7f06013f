"""Text primitives shared by every step of the pipeline: edits (what changed
and where), spans (the regions rules may edit), masks (URLs and e-mail
addresses, never prose, and Quranic quotations, never edited) and the
language of each paragraph.

Offsets everywhere are code points into a Python `str`.
"""
