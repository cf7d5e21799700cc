#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

// The entry points of AceHub's libFuzzer harnesses (tests/fuzz/fuzz_main.cpp), shared with the
// normal test suite, which replays every seed and every input that once crashed
// (tst_fuzzregressions). Each takes arbitrary bytes and must neither crash nor trip a sanitizer.
namespace FuzzTargets {

struct Target
{
    const char
            *name; // also the folder of its seeds (corpus/<name>) and crashes (regressions/<name>)
    int (*run)(const uint8_t *data, size_t size);
};

int m3u(const uint8_t *data, size_t size); // M3uParser
int xmltv(const uint8_t *data, size_t size); // XmltvParser
int gzip(const uint8_t *data, size_t size); // GzipDevice, streamed and whole
int router(const uint8_t *data, size_t size); // request target: URL, route patterns, /ace query
int settings(const uint8_t *data, size_t size); // Settings::validate from JSON and from text
int users(const uint8_t *data, size_t size); // UserStore's body validation (create, update)
int xtream(const uint8_t *data, size_t size); // player routes' form, Host and parameter parsing
int adminjson(const uint8_t *data, size_t size); // admin API input: query names, JSON body checks

const std::vector<Target> &all();

} // namespace FuzzTargets
