#pragma once
// A real "disk full" for tests: RLIMIT_FSIZE lowered under a growing file makes the kernel refuse the write
// with EFBIG (SIGXFSZ ignored so the process is not killed).
#include <csignal>
#include <sys/resource.h>

#include <algorithm>

namespace FileSizeLimit {
inline void ignoreSignal()
{
    std::signal(SIGXFSZ, SIG_IGN);
}

inline bool set(rlim_t bytes)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_FSIZE, &limit) != 0)
        return false;
    limit.rlim_cur = std::min(bytes, limit.rlim_max);
    return setrlimit(RLIMIT_FSIZE, &limit) == 0;
}
} // namespace FileSizeLimit
