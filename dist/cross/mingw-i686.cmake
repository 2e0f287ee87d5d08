# CMake toolchain: Windows (i686) with Debian's mingw-w64 posix-thread compilers, finding the dependencies
# (OpenSSL, POCO, Boost.Log, expat) that build-windows-deps.sh i686 installed into the cached prefix.
# Usage: cmake -DCMAKE_TOOLCHAIN_FILE=dist/cross/mingw-i686.cmake ...
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR i686)
set(JICOFO_MINGW_TRIPLE i686-w64-mingw32)
include(${CMAKE_CURRENT_LIST_DIR}/mingw-common.cmake)
