"""Keeping the journal unlocked for a while without ever writing the identity (or the
passphrase) to disk in the clear.

On Linux, the kernel keyring of the login session holds it, and the kernel forgets it when the
time is up (no daemon, no package: two system calls). Where there is no kernel keyring (macOS,
or a Linux without one), the system's own keychain holds it, through the `keyring` library,
with the time it may be used until beside it. Where neither can be used, nothing is kept and
every command that reads asks again. `RELATIONAL_KEYRING` (kernel, system or none) chooses one.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import platform
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Protocol

from relational_cli import messages

SERVICE = "relational"


class Keeper(Protocol):
    """Somewhere to keep the identity for a while."""

    where: str
    """In words, for `relational info`."""

    def keep(self, name: str, secret: str, seconds: int) -> bool:
        """Keep `secret` under `name` for `seconds`; False if it could not be kept."""

    def fetch(self, name: str) -> str | None:
        """The secret kept under `name`, while its time lasts."""

    def forget(self, name: str) -> None: ...


class Nowhere:
    where = messages.lock.KEPT_NOWHERE

    def keep(self, name: str, secret: str, seconds: int) -> bool:
        return False

    def fetch(self, name: str) -> str | None:
        return None

    def forget(self, name: str) -> None:
        return None


# Linux key management (add_key(2), keyctl(2)), called directly: libkeyutils is not needed.
_SYSCALLS = {"x86_64": (248, 250), "aarch64": (217, 219), "arm64": (217, 219)}
"""(add_key, keyctl) by machine."""
_SESSION = -3  # KEY_SPEC_SESSION_KEYRING
_GET_KEYRING_ID, _SEARCH, _READ, _SET_TIMEOUT, _INVALIDATE = 0, 10, 11, 15, 21


class KernelKeyring:
    """The Linux kernel keyring of this login session; the kernel enforces the time."""

    where = messages.lock.KEPT_IN_KERNEL_KEYRING

    def __init__(self) -> None:
        self._libc = ctypes.CDLL(None, use_errno=True)
        self._syscall = self._libc.syscall
        self._syscall.restype = ctypes.c_long
        self._add_key, self._keyctl = _SYSCALLS[platform.machine()]
        # The session keyring by its number, never made: a process with none of its own (no
        # login set one up, as in a container or under cron) is given the user's session
        # keyring instead, which the next command shares. (Naming it "session" when adding
        # would make a new keyring for this process alone, gone when it ends.)
        found = self._syscall(
            self._keyctl, ctypes.c_int(_GET_KEYRING_ID), ctypes.c_int(_SESSION), ctypes.c_int(0)
        )
        if found < 0:
            errno = ctypes.get_errno()
            raise OSError(errno, os.strerror(errno))
        self._keyring = int(found)

    @classmethod
    def available(cls) -> KernelKeyring | None:
        """The kernel keyring, if this is Linux and it answers (a container may forbid it)."""
        if platform.system() != "Linux" or platform.machine() not in _SYSCALLS:
            return None
        try:
            keyring = cls()
            keyring._search("relational:probe")  # ENOKEY is an answer; ENOSYS and EPERM are not
        except OSError:
            return None
        return keyring

    def _search(self, name: str) -> int | None:
        found = self._syscall(
            self._keyctl, ctypes.c_int(_SEARCH), ctypes.c_int(self._keyring),
            b"user", name.encode(), ctypes.c_int(0),
        )  # fmt: skip
        if found >= 0:
            return int(found)
        errno = ctypes.get_errno()
        if errno in (2, 126, 127, 128):  # ENOENT, ENOKEY, EKEYEXPIRED, EKEYREVOKED: none now
            return None
        raise OSError(errno, os.strerror(errno))

    def keep(self, name: str, secret: str, seconds: int) -> bool:
        payload = secret.encode()
        key = self._syscall(
            self._add_key, b"user", name.encode(), payload,
            ctypes.c_size_t(len(payload)), ctypes.c_int(self._keyring),
        )  # fmt: skip
        if key < 0:
            return False
        timed = self._syscall(
            self._keyctl, ctypes.c_int(_SET_TIMEOUT), ctypes.c_int(key), ctypes.c_uint(seconds)
        )
        if timed < 0:  # never keep it without its time
            self.forget(name)
            return False
        return True

    def fetch(self, name: str) -> str | None:
        try:
            key = self._search(name)
        except OSError:
            return None
        if key is None:
            return None
        size = self._syscall(
            self._keyctl, ctypes.c_int(_READ), ctypes.c_int(key), None, ctypes.c_size_t(0)
        )
        if size <= 0:
            return None
        buffer = ctypes.create_string_buffer(size)
        read = self._syscall(
            self._keyctl, ctypes.c_int(_READ), ctypes.c_int(key), buffer, ctypes.c_size_t(size)
        )
        return buffer.raw[:read].decode() if read > 0 else None

    def forget(self, name: str) -> None:
        with contextlib.suppress(OSError):
            key = self._search(name)
            if key is not None:
                self._syscall(self._keyctl, ctypes.c_int(_INVALIDATE), ctypes.c_int(key))


class SystemKeychain:
    """The system's own keychain (the macOS Keychain, or a Secret Service on Linux), through
    the `keyring` library, with the time it may be used until beside it (by `clock`, the
    time now)."""

    def __init__(self, backend: object, clock: Callable[[], datetime]) -> None:
        self._keyring = backend
        self.clock = clock
        self.where = messages.lock.KEPT_IN_KEYCHAIN.format(type(backend).__name__)

    @classmethod
    def available(cls, clock: Callable[[], datetime]) -> SystemKeychain | None:
        try:
            import keyring
            from keyring.backends import fail
        except ImportError:
            return None
        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or "null" in type(backend).__module__:
            return None
        return cls(backend, clock)

    def keep(self, name: str, secret: str, seconds: int) -> bool:
        kept = json.dumps({"secret": secret, "until": self.clock().timestamp() + seconds})
        try:
            self._keyring.set_password(SERVICE, name, kept)  # type: ignore[attr-defined]
        except Exception:  # a keychain that is locked or refuses: ask each time instead
            return False
        return True

    def fetch(self, name: str) -> str | None:
        try:
            kept = self._keyring.get_password(SERVICE, name)  # type: ignore[attr-defined]
            found = json.loads(kept) if kept else None
        except Exception:
            return None
        if not isinstance(found, dict) or float(found.get("until", 0)) < self.clock().timestamp():
            if found is not None:
                self.forget(name)
            return None
        secret = found.get("secret")
        return secret if isinstance(secret, str) else None

    def forget(self, name: str) -> None:
        with contextlib.suppress(Exception):
            self._keyring.delete_password(SERVICE, name)  # type: ignore[attr-defined]


def keeper(environ: Mapping[str, str], clock: Callable[[], datetime] | None) -> Keeper:
    """Where the identity is kept for a while here (`RELATIONAL_KEYRING` chooses). The
    system's keychain keeps the time it may be used until, so it needs `clock` (the time
    now): with none, it is not used."""
    chosen = environ.get("RELATIONAL_KEYRING", "").strip().lower()
    if chosen == "none":
        return Nowhere()
    if chosen in ("", "kernel"):
        kernel = KernelKeyring.available()
        if kernel is not None:
            return kernel
    if chosen in ("", "system") and clock is not None:
        system = SystemKeychain.available(clock)
        if system is not None:
            return system
    return Nowhere()
