// One libFuzzer harness per target: built once per target with FUZZ_TARGET set to its name
// (tests/fuzz/CMakeLists.txt), run by `installer/setup.sh fuzz`.
#include "fuzztargets.h"

#include <QCoreApplication>
#include <QLoggingCategory>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // Qt's SQL driver plugins are found through the application object.
    static QCoreApplication app(*argc, *argv);
    // Parsers log what they skip; at fuzzing speed that is all the output there would be.
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return FuzzTargets::FUZZ_TARGET(data, size);
}
