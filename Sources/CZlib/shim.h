// zlib from the system (Debian: zlib1g-dev), for reading and rewriting Pagefind's gzip files.
#include <zlib.h>
