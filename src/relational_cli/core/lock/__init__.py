"""The lock: age encryption of every file that holds a person's words, the identity that
reads them (kept under a passphrase), and keeping it unlocked for a while. It knows nothing of
the journal's files: turning the lock on and off is `core/journal/moving.py`."""
