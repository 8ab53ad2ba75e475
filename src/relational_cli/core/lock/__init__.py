"""The locked journal: age encryption of every file that holds a person's words, the identity
that reads them (kept under a passphrase), keeping it unlocked for a while, and turning the
lock on and off."""
