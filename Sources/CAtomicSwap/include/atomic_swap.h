#ifndef BLACKOUT_ATOMIC_SWAP_H
#define BLACKOUT_ATOMIC_SWAP_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE), so a reader sees either
/// the old output folder or the new one, never neither. Returns 0, or -1 with errno set
/// (ENOSYS/EINVAL where the system or file system cannot do it; the caller then falls back).
int blackout_exchange_paths(const char *a, const char *b);

#endif
