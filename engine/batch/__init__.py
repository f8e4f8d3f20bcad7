"""Folders of documents translated in batch: on this machine, or over a Ray cluster for archives.

:func:`engine.batch.jobs.translate_file` translates one file with the same document path the app uses;
:mod:`engine.batch.ray_runner` sends the same jobs to Ray actors, one engine per actor.
"""
