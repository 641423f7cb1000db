# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Cross-build Lotse for the Raspberry Pi (64-bit Debian, aarch64) on a Debian host with
# multiarch: see README "Building for the Raspberry Pi".
#   dpkg --add-architecture arm64 && apt-get update
#   apt-get install crossbuild-essential-arm64 qemu-user-static libsdl2-dev:arm64 ...
#   cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=cmake/aarch64-linux-gnu.cmake
# Tests of such a build run under qemu-user (CMAKE_CROSSCOMPILING_EMULATOR, and binfmt for
# the end-to-end scripts that start the binaries themselves).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(LOTSE_TRIPLET aarch64-linux-gnu)

set(CMAKE_C_COMPILER ${LOTSE_TRIPLET}-gcc)
set(CMAKE_CXX_COMPILER ${LOTSE_TRIPLET}-g++)

# Debian multiarch: the target's libraries live beside the host's, in /usr/lib/<triplet>
# and /usr/include/<triplet>, so the sysroot is the host root.
set(CMAKE_LIBRARY_ARCHITECTURE ${LOTSE_TRIPLET})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
set(CMAKE_FIND_ROOT_PATH /usr/${LOTSE_TRIPLET} /)

# pkg-config must read the arm64 .pc files, not the host's.
set(PKG_CONFIG_EXECUTABLE ${LOTSE_TRIPLET}-pkg-config CACHE FILEPATH "pkg-config for the target")
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/${LOTSE_TRIPLET}/pkgconfig:/usr/share/pkgconfig")

# No -L prefix: multiarch puts the aarch64 loader and libraries where the binaries look
# for them, and qemu's path redirection made tests that mount file systems in a private
# namespace hang (test_export_dir).
find_program(LOTSE_QEMU NAMES qemu-aarch64-static qemu-aarch64)
if(LOTSE_QEMU)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${LOTSE_QEMU})
endif()

# The Debian package's architecture.
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
