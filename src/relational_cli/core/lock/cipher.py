"""age encryption (https://age-encryption.org/v1), through pyrage: never a cipher of our own.

Files are encrypted to the journal's X25519 recipient (`age1…`), so anything can be written
without the passphrase; reading needs the identity (`AGE-SECRET-KEY-1…`), which is itself kept
encrypted with the passphrase (age's scrypt recipient). Every file stays a standard age file:
`age -d -i identity.txt FILE` opens it without this program.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyrage import x25519

    AgeIdentity = x25519.Identity
    """An identity parsed once (`parsed`), as pyrage opens files with it."""
    Identity = str | AgeIdentity
    """An identity as written (`AGE-SECRET-KEY-1…`), or parsed."""

MAGIC = b"age-encryption.org/v1\n"
"""How every age file starts."""


class WrongPassphrase(Exception):
    """The passphrase does not open the identity."""


class CannotDecrypt(Exception):
    """An age file that this identity cannot open (another journal's, or damaged)."""


def is_age(data: bytes) -> bool:
    return data.startswith(MAGIC)


def new_identity() -> str:
    """A new X25519 identity, `AGE-SECRET-KEY-1…`."""
    from pyrage import x25519

    return str(x25519.Identity.generate())


def recipient_of(identity: str) -> str:
    """The public recipient (`age1…`) an identity opens files for."""
    from pyrage import x25519

    return str(x25519.Identity.from_str(identity.strip()).to_public())


def is_recipient(text: str) -> bool:
    """Whether `text` is an X25519 recipient (`age1…`) age can encrypt to."""
    import pyrage
    from pyrage import x25519

    try:
        x25519.Recipient.from_str(text)
    except (pyrage.RecipientError, ValueError):
        return False
    return True


def encrypt(data: bytes, recipient: str) -> bytes:
    import pyrage
    from pyrage import x25519

    return pyrage.encrypt(data, [x25519.Recipient.from_str(recipient)])


PADDING = b"\n<!-- padding"
PADDING_END = b"-->\n"
SIZES = (1024, 1536, 2048, 3072, 4096)
"""The sizes a locked reflection is padded to (then the next power of two): its file's size
says little of its exercise or its length."""


def padded(data: bytes) -> bytes:
    """A reflection (Markdown with front matter) padded to the next of `SIZES`, by a comment a
    Markdown reader shows as nothing: `<!-- padding` and spaces and `-->`. Only inside an age
    file; anything else is returned as it is."""
    if not data.startswith(b"---"):
        return data
    least = len(data) + len(PADDING) + 1 + len(PADDING_END)
    size = next((size for size in SIZES if size >= least), 1 << (least - 1).bit_length())
    return data + PADDING + b" " * (size - least + 1) + PADDING_END


def unpadded(data: bytes) -> bytes:
    """`data` without the padding `padded` added, exactly (its last block, whatever the text
    before it holds); data with none is returned as it is."""
    start = data.rfind(PADDING)
    if not data.startswith(b"---") or start < 0 or not data.endswith(PADDING_END):
        return data
    filler = data[start + len(PADDING) : -len(PADDING_END)]
    return data[:start] if filler and not filler.strip(b" ") else data


def decrypt(data: bytes, identity: Identity | list[Identity]) -> bytes:
    """Open an age file with the identity (a string, or one parsed by `parsed`; or a list of
    them, any of which may open it)."""
    import pyrage

    identities = identity if isinstance(identity, list) else [identity]
    try:
        return pyrage.decrypt(data, [parsed(one) for one in identities])
    except pyrage.DecryptError as exc:
        raise CannotDecrypt(str(exc)) from None


def parsed(identity: Identity) -> AgeIdentity:
    """The identity as pyrage takes it (parsed once, then reused)."""
    if not isinstance(identity, str):
        return identity
    from pyrage import x25519

    return x25519.Identity.from_str(identity.strip())


STRETCH_FLOOR = 18
"""The least scrypt work factor (log2 N) a passphrase is stretched with: Go age's own."""
STRETCH_TRIES = 4
"""How many times the sealing is done again while its work factor is below the floor."""


def lock_with_passphrase(data: bytes, passphrase: str) -> bytes:
    """`data` encrypted with a passphrase (age's scrypt recipient: seconds, on purpose), with
    a work factor of at least `STRETCH_FLOOR` if that can be had. rage (inside pyrage, which
    takes no work factor) chooses it by timing, so a busy moment gives less: it is sealed
    again, a few times at most, and the strongest kept (`work_factor` says what it is)."""
    from pyrage import passphrase as scrypt

    best = b""
    for _ in range(STRETCH_TRIES):
        sealed = scrypt.encrypt(data, passphrase)
        if work_factor(sealed) > work_factor(best):
            best = sealed
        if work_factor(best) >= STRETCH_FLOOR:
            break
    return best


def work_factor(sealed: bytes) -> int:
    """The scrypt work factor (log2 N) of an age file sealed with a passphrase, read from
    its header (`-> scrypt SALT LOG2N`); 0 if it has none."""
    for line in sealed[len(MAGIC) : 400].split(b"\n"):
        parts = line.split()
        if parts[:2] == [b"->", b"scrypt"] and len(parts) == 4 and parts[3].isdigit():
            return int(parts[3])
        if line.startswith(b"---"):
            break
    return 0


def open_with_passphrase(data: bytes, passphrase: str) -> bytes:
    import pyrage
    from pyrage import passphrase as scrypt

    try:
        return scrypt.decrypt(data, passphrase)
    except pyrage.DecryptError:
        raise WrongPassphrase from None
