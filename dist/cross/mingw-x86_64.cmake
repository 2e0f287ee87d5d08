# CMake toolchain: Windows (x86_64) with Debian's mingw-w64 posix-thread compilers, finding the dependencies
# (OpenSSL, POCO, Boost.Log, expat) that build-windows-deps.sh x86_64 installed into the cached prefix.
# Usage: cmake -DCMAKE_TOOLCHAIN_FILE=dist/cross/mingw-x86_64.cmake ...
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(JICOFO_MINGW_TRIPLE x86_64-w64-mingw32)
include(${CMAKE_CURRENT_LIST_DIR}/mingw-common.cmake)
