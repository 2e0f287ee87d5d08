# Shared by mingw-x86_64.cmake and mingw-i686.cmake, which set CMAKE_SYSTEM_PROCESSOR and JICOFO_MINGW_TRIPLE first.

# Never mix the -win32 and -posix variants: std::thread needs the posix one.
set(CMAKE_C_COMPILER ${JICOFO_MINGW_TRIPLE}-gcc-posix)
set(CMAKE_CXX_COMPILER ${JICOFO_MINGW_TRIPLE}-g++-posix)
set(CMAKE_RC_COMPILER ${JICOFO_MINGW_TRIPLE}-windres)
# POCO's CMake compiles its message file with the message compiler.
set(CMAKE_MC_COMPILER ${JICOFO_MINGW_TRIPLE}-windmc)
set(CMAKE_AR /usr/bin/${JICOFO_MINGW_TRIPLE}-ar CACHE FILEPATH "")
set(CMAKE_RANLIB /usr/bin/${JICOFO_MINGW_TRIPLE}-ranlib CACHE FILEPATH "")

# The prefix can be moved with -DJICOFO_WIN_PREFIX=... or the environment variable of the same name.
if(NOT JICOFO_WIN_PREFIX)
    if(DEFINED ENV{JICOFO_WIN_PREFIX})
        set(JICOFO_WIN_PREFIX "$ENV{JICOFO_WIN_PREFIX}")
    else()
        get_filename_component(JICOFO_WIN_PREFIX "${CMAKE_CURRENT_LIST_DIR}/../../.cache/win-${CMAKE_SYSTEM_PROCESSOR}/prefix" ABSOLUTE)
    endif()
endif()
# try_compile() re-reads this file in a fresh scope: pass the prefix on.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES JICOFO_WIN_PREFIX)

set(CMAKE_FIND_ROOT_PATH /usr/${JICOFO_MINGW_TRIPLE} "${JICOFO_WIN_PREFIX}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# POCO installs its CMake package files in <prefix>/cmake on Windows.
set(Poco_DIR "${JICOFO_WIN_PREFIX}/cmake" CACHE PATH "")
set(OPENSSL_ROOT_DIR "${JICOFO_WIN_PREFIX}" CACHE PATH "")
set(OPENSSL_USE_STATIC_LIBS ON)
set(Boost_USE_STATIC_LIBS ON)
set(Boost_USE_STATIC_RUNTIME OFF)
set(EXPAT_ROOT "${JICOFO_WIN_PREFIX}")

# One Windows API level (Windows 7) for Boost and the program alike; expat and POCO are static.
set(CMAKE_C_FLAGS_INIT "-D_WIN32_WINNT=0x0601 -DXML_STATIC")
set(CMAKE_CXX_FLAGS_INIT "-D_WIN32_WINNT=0x0601 -DXML_STATIC")
# A program that needs nothing but Windows' own DLLs: libstdc++, libgcc and winpthread linked in.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")
# Winsock and friends last on every link line: static Boost.Log (its syslog backend) and POCO Net need them
# after themselves, whatever order the targets list their libraries in.
set(CMAKE_CXX_STANDARD_LIBRARIES
    "-lws2_32 -lmswsock -liphlpapi -lcrypt32 -lkernel32 -luser32 -lgdi32 -lwinspool -lshell32 -lole32 -loleaut32 -luuid -lcomdlg32 -ladvapi32"
    CACHE STRING "")
