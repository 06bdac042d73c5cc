#ifndef BLACKOUT_CCMARK_SHIM_H
#define BLACKOUT_CCMARK_SHIM_H

// Keep cmark's short aliases (NODE_PARAGRAPH, BULLET_LIST, ...) out of Swift.
#define CMARK_NO_SHORT_NAMES 1
#include <cmark.h>

#endif
