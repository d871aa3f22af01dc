"""The worker's second layer, set up by the worker itself before any submission code runs:
Landlock (which files it may read or write, no TCP, no signals or abstract sockets beyond its
own domain) and a seccomp filter (no sockets, no namespaces or mounts, no System V IPC or
kernel keys, no io_uring, no foreign syscall ABIs). Both are kernel features: once in force,
nothing the process does can lift them, and every process it starts inherits them.

Only ``ctypes`` and the kernel's own interfaces are used; on a kernel without Landlock the
filter still applies, and ``confine`` says which layers are in force.
"""
import ctypes
import errno
import os
import platform
import struct

_SYS = {  # syscall numbers (the generic table for Landlock: the same on every architecture)
    "x86_64": {"landlock_create_ruleset": 444, "landlock_add_rule": 445, "landlock_restrict_self": 446,
               "socket": 41, "clone": 56, "clone3": 435},
    "aarch64": {"landlock_create_ruleset": 444, "landlock_add_rule": 445, "landlock_restrict_self": 446,
                "socket": 198, "clone": 220, "clone3": 435},
}
# Refused outright, by number: each reaches past Landlock and the rlimits, or outlives the worker.
# io_uring_setup: its own way to sockets and files; open_by_handle_at: files by handle, past
# Landlock; unshare, setns and the mount calls: namespaces of its own (a user namespace lets it
# mount a tmpfs of any size with the new mount API); shmget, msgget, semget: System V objects,
# which outlive the process and, without an IPC namespace, the worker; add_key, request_key,
# keyctl: keys kept in the kernel for its user id; userfaultfd and perf_event_open: kernel
# surface no numerical code needs.
_DENIED = {
    "x86_64": {"io_uring_setup": 425, "open_by_handle_at": 304, "unshare": 272, "setns": 308, "mount": 165,
               "open_tree": 428, "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433,
               "mount_setattr": 442, "shmget": 29, "msgget": 68, "semget": 64, "add_key": 248,
               "request_key": 249, "keyctl": 250, "userfaultfd": 323, "perf_event_open": 298},
    "aarch64": {"io_uring_setup": 425, "open_by_handle_at": 265, "unshare": 97, "setns": 268, "mount": 40,
                "open_tree": 428, "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433,
                "mount_setattr": 442, "shmget": 194, "msgget": 186, "semget": 190, "add_key": 217,
                "request_key": 218, "keyctl": 219, "userfaultfd": 282, "perf_event_open": 241},
}
# clone() flags that make new namespaces (CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET).
_CLONE_NEW_NAMESPACES = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000
_AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}

# Landlock access rights, by the ABI version that introduced them.
FS_EXECUTE, FS_WRITE_FILE, FS_READ_FILE, FS_READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
_FS_ALL_V1 = (1 << 13) - 1
_FS_REFER, _FS_TRUNCATE, _FS_IOCTL_DEV = 1 << 13, 1 << 14, 1 << 15
_NET_BIND_TCP, _NET_CONNECT_TCP = 1, 2
_SCOPE_ABSTRACT_UNIX_SOCKET, _SCOPE_SIGNAL = 1, 2
READ_ONLY = FS_EXECUTE | FS_READ_FILE | FS_READ_DIR
_FILE_RIGHTS = FS_EXECUTE | FS_WRITE_FILE | FS_READ_FILE | _FS_TRUNCATE | _FS_IOCTL_DEV
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2

_libc = ctypes.CDLL(None, use_errno=True)


def _syscall(name, *args):
    numbers = _SYS.get(platform.machine())
    if numbers is None:
        raise OSError(errno.ENOSYS, f"unsupported architecture {platform.machine()}")
    result = _libc.syscall(numbers[name], *args)
    if result < 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))
    return result


def landlock_abi():
    """The kernel's Landlock ABI version; 0 when it has none (or it is disabled)."""
    try:
        return _syscall("landlock_create_ruleset", None, ctypes.c_size_t(0), ctypes.c_uint32(1))
    except OSError:
        return 0


def _handled_fs(abi):
    rights = _FS_ALL_V1
    if abi >= 2:
        rights |= _FS_REFER
    if abi >= 3:
        rights |= _FS_TRUNCATE
    if abi >= 5:
        rights |= _FS_IOCTL_DEV
    return rights


def apply_landlock(read=(), write=(), devices=()):
    """Allow reading (and running) files under ``read``, everything under ``write``, reading
    and writing the device files ``devices``; nothing else of the filesystem, no TCP, and
    (ABI 6+) no signals or abstract Unix sockets outside this process's descendants.
    Returns the ABI version enforced (0: none)."""
    abi = landlock_abi()
    if abi < 1:
        return 0
    handled = _handled_fs(abi)
    fields = [handled, _NET_BIND_TCP | _NET_CONNECT_TCP if abi >= 4 else 0]
    if abi >= 6:
        fields.append(_SCOPE_ABSTRACT_UNIX_SOCKET | _SCOPE_SIGNAL)
    attr = struct.pack(f"<{len(fields)}Q", *fields)
    buffer = ctypes.create_string_buffer(attr, len(attr))
    ruleset = _syscall("landlock_create_ruleset", buffer, ctypes.c_size_t(len(attr)), ctypes.c_uint32(0))
    try:
        for paths, rights in ((read, READ_ONLY), (write, handled), (devices, FS_READ_FILE | FS_WRITE_FILE)):
            for path in paths:
                try:
                    fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
                except OSError:
                    continue  # a folder this machine does not have
                try:
                    allowed = rights & handled
                    if not os.path.isdir(path):
                        allowed &= _FILE_RIGHTS
                    rule = struct.pack("<Qi", allowed, fd)
                    rule_buffer = ctypes.create_string_buffer(rule, len(rule))
                    _syscall("landlock_add_rule", ctypes.c_int(ruleset), ctypes.c_int(1), rule_buffer,
                             ctypes.c_uint32(0))
                finally:
                    os.close(fd)
        _no_new_privileges()
        _syscall("landlock_restrict_self", ctypes.c_int(ruleset), ctypes.c_uint32(0))
    finally:
        os.close(ruleset)
    return abi


def _no_new_privileges():
    if _libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


# Classic BPF, as seccomp reads it.
_LD_W_ABS, _JEQ_K, _JGE_K, _JSET_K, _RET_K = 0x20, 0x15, 0x35, 0x45, 0x06
_RET_ALLOW, _RET_ERRNO = 0x7FFF0000, 0x00050000
_X32_BIT = 0x40000000


def _seccomp_program(machine):
    """The filter: deny socket() (no network, and no Unix socket of the host: without a mount
    namespace its paths are reachable; socketpair() stays), the calls of ``_DENIED``, clone()
    with a namespace flag, clone3() (its flags are out of the filter's reach: ENOSYS makes the C
    library fall back to clone()), any syscall of a foreign ABI (32-bit calls on a 64-bit kernel,
    x32); allow the rest."""
    numbers = _SYS[machine]
    deny = (_RET_K, 0, 0, _RET_ERRNO | errno.EACCES)
    allow = (_RET_K, 0, 0, _RET_ALLOW)
    program = [
        (_LD_W_ABS, 0, 0, 4),  # arch
        (_JEQ_K, 1, 0, _AUDIT_ARCH[machine]),
        deny,
        (_LD_W_ABS, 0, 0, 0),  # syscall number
    ]
    if machine == "x86_64":
        program += [(_JGE_K, 0, 1, _X32_BIT), deny]
    for number in sorted({*_DENIED[machine].values(), numbers["socket"]}):
        program += [(_JEQ_K, 0, 1, number), deny]
    program += [
        (_JEQ_K, 0, 1, numbers["clone3"]), (_RET_K, 0, 0, _RET_ERRNO | errno.ENOSYS),
        (_JEQ_K, 1, 0, numbers["clone"]), allow,
        (_LD_W_ABS, 0, 0, 16),  # clone's flags (low 32 bits)
        (_JSET_K, 0, 1, _CLONE_NEW_NAMESPACES), deny,
        allow,
    ]
    return program


def seccomp_supported():
    """Whether the filter knows this machine's syscall numbers."""
    return platform.machine() in _SYS


def apply_seccomp():
    """Install the filter; True when the architecture is known and it is in force."""
    machine = platform.machine()
    if machine not in _SYS:
        return False
    program = _seccomp_program(machine)
    raw = b"".join(struct.pack("<HBBI", *instruction) for instruction in program)
    filters = ctypes.create_string_buffer(raw, len(raw))

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    fprog = SockFprog(len(program), ctypes.cast(filters, ctypes.c_void_p))
    _no_new_privileges()
    if _libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))
    return True


_PR_SET_KEEPCAPS, _CAP_DAC_READ_SEARCH, _CAP_V3 = 8, 2, 0x20080522


def drop_privileges(uid, keep_read_search=False):
    """Become ``uid`` (user and group, no supplementary groups) with no capabilities, or, with
    ``keep_read_search``, only CAP_DAC_READ_SEARCH: reading past folder permissions (a
    Python installation under /root), with Landlock as the limit of what may be read."""
    if keep_read_search:
        if _libc.prctl(_PR_SET_KEEPCAPS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "PR_SET_KEEPCAPS")
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)
    if keep_read_search:
        header = struct.pack("<Ii", _CAP_V3, 0)
        bit = 1 << _CAP_DAC_READ_SEARCH
        data = struct.pack("<6I", bit, bit, 0, 0, 0, 0)  # effective, permitted, inheritable (x2)
        if _libc.capset(ctypes.create_string_buffer(header, len(header)),
                        ctypes.create_string_buffer(data, len(data))) != 0:
            raise OSError(ctypes.get_errno(), "capset")
        _libc.prctl(_PR_SET_KEEPCAPS, 0, 0, 0, 0)


def confine(read, write, devices=("/dev/null", "/dev/zero", "/dev/urandom", "/dev/random")):
    """Both layers; returns {"landlock": ABI version or 0, "seccomp": bool}."""
    seccomp = apply_seccomp()
    abi = apply_landlock(read, write, devices)
    return {"landlock": abi, "seccomp": seccomp}
