#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# check-image.sh - checks an SD-card image made by build-image.sh without mounting it (no
# loop devices, no root needed): the partition table, each file system with fsck on an
# extracted copy, and the boot files, fstab and data partition layout inside.
#
#   firmware/check-image.sh lotse-pi.img
#
# Needs fdisk (sfdisk), dosfstools (fsck.vfat), mtools (mtype, mdir), e2fsprogs (e2fsck,
# debugfs) and util-linux (blkid). Exit 0 when everything is as build-image.sh makes it.
# "A && ok ... || fail ..." below on purpose: ok always succeeds.
# shellcheck disable=SC2015
set -euo pipefail

img=${1:?usage: check-image.sh IMAGE}
[[ -f $img ]] || { echo "check-image: $img: no such file" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/lotse-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

echo "== partition table"
sfdisk -l "$img"
mapfile -t parts < <(sfdisk -d "$img" | sed -n 's/^.*: start= *\([0-9]*\), size= *\([0-9]*\), type=\([0-9a-f]*\).*/\1 \2 \3/p')
[[ ${#parts[@]} = 3 ]] || { echo "FAIL: ${#parts[@]} partitions, expected 3" >&2; exit 1; }
[[ $(sfdisk -d "$img" | sed -n 's/^label: //p') = dos ]] && ok "MBR partition table" || fail "not an MBR table"
names=(boot root data)
for i in 0 1 2; do
    read -r start size _ <<<"${parts[$i]}"
    ((start % 8192 == 0)) || fail "partition $((i + 1)) does not start on a 4 MiB boundary"
    dd if="$img" of="$work/${names[$i]}.img" bs=512 skip="$start" count="$size" status=none
done
[[ $(cut -d' ' -f3 <<<"${parts[0]}") = c ]] && ok "partition 1 is FAT32 (LBA)" || fail "partition 1 type is not c"

echo "== file systems"
fsck.vfat -n "$work/boot.img" && ok "fsck.vfat: boot partition clean" || fail "fsck.vfat found problems"
for p in root data; do
    e2fsck -f -n "$work/$p.img" && ok "e2fsck: $p partition clean" || fail "e2fsck found problems on $p"
done
label() { blkid -o value -s LABEL "$1"; }
[[ $(label "$work/boot.img") = LOTSE-BOOT ]] || fail "boot label is '$(label "$work/boot.img")'"
[[ $(label "$work/root.img") = lotse-root ]] || fail "root label is '$(label "$work/root.img")'"
[[ $(label "$work/data.img") = lotse-data ]] || fail "data label is '$(label "$work/data.img")'"

echo "== boot partition"
export MTOOLS_SKIP_CHECK=1
mdir -i "$work/boot.img" -b :: | sed 's|^::/||' | sort | tr '\n' ' '
echo
for f in config.txt cmdline.txt lotse.conf bootcode.bin start4.elf fixup4.dat bcm2711-rpi-4-b.dtb \
    bcm2837-rpi-3-b-plus.dtb; do
    mtype -i "$work/boot.img" "::$f" >/dev/null 2>&1 || fail "$f is missing on the boot partition"
done
echo "-- config.txt"
mtype -i "$work/boot.img" ::config.txt | grep -v '^#' | grep .
echo "-- cmdline.txt"
cmdline=$(mtype -i "$work/boot.img" ::cmdline.txt | tr -d '\r')
echo "$cmdline"
mtype -i "$work/boot.img" ::config.txt | grep -qx 'dtparam=watchdog=on' && ok "config.txt: watchdog on" ||
    fail "config.txt lacks dtparam=watchdog=on"
kernel=$(mtype -i "$work/boot.img" ::config.txt | sed -n 's/^kernel=//p')
initrd=$(mtype -i "$work/boot.img" ::config.txt | sed -n 's/^initramfs \([^ ]*\).*/\1/p')
mtype -i "$work/boot.img" "::$kernel" >/dev/null 2>&1 && mtype -i "$work/boot.img" "::$initrd" >/dev/null 2>&1 &&
    ok "config.txt names $kernel and $initrd, both present" || fail "kernel '$kernel' or initramfs '$initrd' missing"
[[ " $cmdline " = *" root=LABEL=lotse-root "* && " $cmdline " = *" ro "* && " $cmdline " != *" rw "* ]] &&
    ok "cmdline.txt: root by label, read-only" || fail "cmdline.txt: want root=LABEL=lotse-root ro"
mtype -i "$work/boot.img" ::lotse.conf | grep -q '^Export-Done-File: /run/lotse/export-done' &&
    ok "lotse.conf is the first-boot configuration" || fail "lotse.conf is not board/boot/lotse.conf"

echo "== root partition"
fstab=$(debugfs -R 'cat /etc/fstab' "$work/root.img" 2>/dev/null)
echo "$fstab" | grep -v '^#' | grep .
for want in 'LABEL=lotse-data' 'LABEL=LOTSE-BOOT' '/data/lotse +/var/lib/lotse'; do
    grep -Eq "^$want" <<<"$fstab" || fail "fstab lacks $want"
done
for f in /usr/bin/lotse /boot/firmware /media/lotse-export /var/lib/lotse /data; do
    debugfs -R "stat $f" "$work/root.img" 2>/dev/null | grep -q '^Inode:' || fail "$f missing on the root partition"
done
[[ -z $(debugfs -R 'ls -p /boot/firmware' "$work/root.img" 2>/dev/null | awk -F/ '$6 != "." && $6 != ".." && $6 != ""') ]] &&
    ok "/boot/firmware on the root partition is an empty mount point" || fail "/boot/firmware is not empty on the root partition"

echo "== data partition"
debugfs -R 'ls -l /' "$work/data.img" 2>/dev/null
for d in lotse systemd fake-hwclock/fake-hwclock.data; do
    debugfs -R "stat /$d" "$work/data.img" 2>/dev/null | grep -q '^Inode:' || fail "/$d missing on the data partition"
done
mode=$(debugfs -R 'stat /lotse' "$work/data.img" 2>/dev/null | sed -n 's/.*Mode: *\([0-7]*\).*/\1/p')
[[ $mode = 0700 ]] && ok "data partition: /lotse is 0700" || fail "data partition: /lotse mode is $mode"

if ((failures)); then
    echo "FAIL: $failures check(s) failed" >&2
    exit 1
fi
echo "PASS: $img"
