#ifndef FAZHI_FUZZ_DRIVER_H
#define FAZHI_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in libclang_rt.fuzzer, linked by -sanitize=fuzzer). SwiftPM renames an
/// executable's entry point to `<module>_main` and points `main` at it, so libFuzzer's own `main`
/// is never linked; the Swift entry point calls the driver instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
