// Header-only module: LLVMFuzzerRunDriver comes from libFuzzer.
#include "FuzzDriver.h"
