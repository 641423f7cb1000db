#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# test_rootfs.sh - builds the root file system of the Raspberry Pi image with the image
# recipe itself (firmware/build-image.sh --rootfs-only) and checks inside it that the
# kiosk system is what board/ and the lotse package promise.
#
#   tests/rootfs/test_rootfs.sh path/to/lotse_*_arm64.deb OUTDIR
#
# Checks: lotse installed from the .deb (that version, its files, the user lotse); the
# kiosk starts inside the arm64 root under qemu (--version, the first-boot configuration
# of the image accepted, the demo site checked with the installed fonts, a headless
# screenshot); the units enabled and `systemd-analyze verify` clean; lock-down files
# (no getty, no Ctrl+Alt+Del, no SysRq, no SSH, no root password, USBGuard rules, logind,
# hardware watchdog); fstab (read-only root, data partition by LABEL, bind mounts, tmpfs)
# as systemd-fstab-generator reads it; time zone and fake-hwclock on the data partition;
# the fonts. With LOTSE_ROOTFS_KERNEL=1 also the kernel, initramfs and the boot partition
# files (config.txt, cmdline.txt); the default leaves them out to keep the test short.
#
# Needs root (or password-less sudo), network access to deb.debian.org, and on a host
# that is not arm64 qemu-user-static with binfmt_misc. Exit 77 (skipped, reason printed)
# when binfmt emulation, root or the network is not available.
#
# "A && ok ... || fail ..." is used on purpose below: ok always succeeds.
# shellcheck disable=SC2015
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BUILD=$REPO/firmware/build-image.sh

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

[[ $# = 2 ]] || { echo "usage: $0 path/to/lotse_*_arm64.deb OUTDIR" >&2; exit 2; }
DEB=$(readlink -f "$1")
OUT=$2
[[ -f $DEB ]] || { echo "FAIL: $1: no such file" >&2; exit 1; }

if [[ $(id -u) != 0 ]]; then
    sudo -n true 2>/dev/null || skip "needs root or password-less sudo (mmdebstrap, chroot)"
    exec sudo -n --preserve-env=LOTSE_ROOTFS_KERNEL,LOTSE_ROOTFS_REUSE,SOURCE_DATE_EPOCH,MIRROR,SECURITY_MIRROR "$0" "$@"
fi
if [[ $(uname -m) != aarch64 ]]; then
    [[ -r /proc/sys/fs/binfmt_misc/status ]] ||
        skip "binfmt_misc is not mounted (/proc/sys/fs/binfmt_misc): cannot run arm64 programs"
    [[ $(cat /proc/sys/fs/binfmt_misc/status) = enabled ]] || skip "binfmt_misc is disabled"
    [[ -r /proc/sys/fs/binfmt_misc/qemu-aarch64 ]] &&
        head -1 /proc/sys/fs/binfmt_misc/qemu-aarch64 | grep -qx enabled ||
        skip "no qemu-aarch64 binfmt handler (apt-get install qemu-user-static binfmt-support)"
fi
for tool in mmdebstrap systemd-analyze dpkg-deb dpkg-query; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed" >&2; exit 1; }
done
getent hosts deb.debian.org >/dev/null || skip "deb.debian.org cannot be resolved (no network)"

mkdir -p "$OUT"
OUT=$(readlink -f "$OUT")
R=$OUT/rootfs
kernel_opt=(--no-kernel)
[[ ${LOTSE_ROOTFS_KERNEL:-0} = 1 ]] && kernel_opt=()
if [[ ${LOTSE_ROOTFS_REUSE:-0} = 1 && -x $R/usr/bin/lotse ]]; then
    # Only for working on the checks: check the root file system of the last run again.
    echo "note: LOTSE_ROOTFS_REUSE=1, checking the existing $R"
else
    rm -rf "$R"
    start=$(date +%s)
    "$BUILD" --rootfs-only "$R" "${kernel_opt[@]}" "$DEB" >"$OUT/build.log" 2>&1 || {
        tail -40 "$OUT/build.log" >&2
        echo "FAIL: the root file system did not build (log: $OUT/build.log)" >&2
        exit 1
    }
    echo "root file system built in $(($(date +%s) - start)) s ($(du -sm "$R" | cut -f1) MB): $R"
fi

failures=0

# --- lotse from the .deb -------------------------------------------------------------
want_version=$(dpkg-deb -f "$DEB" Version)
got=$(dpkg-query --admindir="$R/var/lib/dpkg" -W -f='${db:Status-Status} ${Version} ${Architecture}' lotse 2>&1 || true)
[[ $got = "installed $want_version arm64" ]] && ok "lotse $want_version installed" ||
    fail "lotse: dpkg says '$got', expected 'installed $want_version arm64'"
for f in /usr/bin/lotse /usr/bin/lotse-admin /lib/systemd/system/lotse.service \
    /etc/lotse/lotse.conf /usr/share/lotse/assets/demo-site/site.txt /usr/share/lotse/locales; do
    [[ -e $R$f ]] || fail "$f is missing"
done
file_arch=$(od -An -tx1 -j18 -N2 "$R/usr/bin/lotse" | tr -d ' ')
[[ $file_arch = b700 ]] && ok "/usr/bin/lotse is an aarch64 program" || fail "/usr/bin/lotse is not aarch64 (e_machine $file_arch)"
IFS=: read -r _ _ uid _ _ _ shell < <(grep '^lotse:' "$R/etc/passwd" || echo 'lotse:x:-1::::')
if ((uid > 0 && uid < 1000)) && [[ $shell = */nologin || $shell = */false ]]; then
    ok "system user lotse (uid $uid, shell $shell)"
else
    fail "user lotse: uid '$uid', shell '$shell' (want a system user without login)"
fi
for g in video render input; do
    grep -q "^$g:" "$R/etc/group" || fail "group $g (lotse.service SupplementaryGroups) does not exist"
done

# Reproducible time stamps (checked before anything below runs inside the root).
newer=$(find "$R" -xdev \( -path "$R/dev" -o -path "$R/proc" -o -path "$R/sys" \) -prune -o \
    -newermt "@${SOURCE_DATE_EPOCH:-1747699200}" -print 2>/dev/null | head -3 || true)
[[ -z $newer ]] && ok "no time stamp after SOURCE_DATE_EPOCH" || fail "files newer than SOURCE_DATE_EPOCH: $newer"

# --- the kiosk runs inside the root file system (arm64 under qemu) ---------------------
in_root() { chroot "$R" "$@"; }
v=$(in_root /usr/bin/lotse --version 2>&1) && ok "lotse --version in the root: $v" ||
    fail "lotse --version in the root failed: $v"
missing=$(in_root /usr/bin/ldd /usr/bin/lotse 2>&1 | grep 'not found' || true)
[[ -z $missing ]] || fail "libraries missing for /usr/bin/lotse: $missing"
cp "$REPO/board/boot/lotse.conf" "$R/tmp/lotse.conf"
if msg=$(in_root /usr/bin/lotse --config /tmp/lotse.conf \
    --check-site /usr/share/lotse/assets/demo-site 2>&1); then
    ok "the first-boot lotse.conf and the demo site pass --check-site with the installed fonts"
else
    fail "lotse --config board/boot/lotse.conf --check-site failed in the root: $msg"
fi
mkdir -p "$R/tmp/lotse-data"
printf 'expect-screen home\nscreenshot /tmp/home.png\n' >"$R/tmp/shot.lotse"
if msg=$(in_root env HOME=/tmp /usr/bin/lotse --headless --data /tmp/lotse-data \
    --now 2026-03-10T08:55 --script /tmp/shot.lotse 2>&1) && [[ -s $R/tmp/home.png ]]; then
    cp "$R/tmp/home.png" "$OUT/home-rootfs.png"
    ok "headless screenshot rendered in the root: $OUT/home-rootfs.png"
else
    fail "headless run in the root failed: $msg"
fi
rm -rf "$R/tmp/lotse.conf" "$R/tmp/lotse-data" "$R/tmp/shot.lotse" "$R/tmp/home.png"

# --- units --------------------------------------------------------------------------
for u in lotse.service lotse-export-done.path fake-hwclock-save.timer fake-hwclock.service \
    usbguard.service; do
    s=$(systemctl --root="$R" is-enabled "$u" 2>&1 || true)
    [[ $s = enabled ]] && ok "$u enabled" || fail "$u is '$s', not enabled"
done
[[ -L $R/etc/systemd/system/multi-user.target.wants/lotse.service ]] ||
    fail "lotse.service is not wanted by multi-user.target"
# The effective ExecStart: the unit, then its drop-ins (systemctl cat cannot use --root).
exec_start=$(cat "$R/lib/systemd/system/lotse.service" "$R"/etc/systemd/system/lotse.service.d/*.conf |
    grep '^ExecStart=' | tail -1)
[[ $exec_start = 'ExecStart=/usr/bin/lotse --config /boot/firmware/lotse.conf' ]] &&
    ok "lotse.service reads /boot/firmware/lotse.conf" || fail "lotse.service: last ExecStart is '$exec_start'"
units=(lotse.service lotse-usb-mount@sda1.service lotse-export-done.path
    lotse-export-done.service fake-hwclock-save.timer fake-hwclock-save.service
    fake-hwclock.service usbguard.service)
# --man=no: the image leaves out man pages (Documentation=man:... of Debian's units).
verify=$(systemd-analyze --root="$R" --man=no verify "${units[@]}" 2>&1) ||
    fail "systemd-analyze verify failed"
if [[ -n $verify ]]; then
    fail "systemd-analyze verify is not clean:"
    echo "$verify" >&2
else
    ok "systemd-analyze --root verify clean: ${units[*]}"
fi

# --- lock-down ------------------------------------------------------------------------
masked() { [[ $(readlink "$R/etc/systemd/system/$1" || true) = /dev/null ]]; }
for u in getty@tty1.service serial-getty@.service ctrl-alt-del.target; do
    masked "$u" && ok "$u masked" || fail "$u is not masked"
done
# The effective settings: the configuration files in the order systemd reads them.
cat_config() { systemd-analyze --root="$R" cat-config "$1" 2>/dev/null || true; }
want() { # want FILE KEY VALUE: the last KEY= in FILE and its drop-ins is VALUE
    local v
    v=$(cat_config "systemd/$1" | sed -n "s/^$2=//p" | tail -1)
    [[ $v = "$3" ]] && ok "$1: $2=$3" || fail "$1: $2 is '$v', expected '$3'"
}
want logind.conf NAutoVTs 0
want logind.conf ReserveVT 0
want system.conf CtrlAltDelBurstAction none
want system.conf RuntimeWatchdogSec 14s
want journald.conf Storage volatile
sysrq=$(cat_config sysctl.d | sed -n 's/^kernel\.sysrq *= *//p' | tail -1)
[[ $sysrq = 0 ]] && ok "kernel.sysrq = 0" || fail "kernel.sysrq is '$sysrq'"
if [[ -e $R/usr/sbin/sshd ]] || compgen -G "$R/lib/systemd/system/ssh*.service" >/dev/null; then
    fail "an SSH server is installed"
else
    ok "no SSH server"
fi
root_pw=$(awk -F: '$1 == "root" { print $2 }' "$R/etc/shadow")
[[ $root_pw = '!'* || $root_pw = '*' ]] && ok "root password locked" || fail "root can log in with a password"
rules=$R/etc/usbguard/rules.conf
allows=$(grep '^allow' "$rules" | sort | tr '\n' ';')
want_allows='allow with-interface match-all { 03:00:00 };allow with-interface match-all { 08:*:* };allow with-interface match-all { 09:00:* };'
if [[ $(stat -c %a "$rules") = 600 && $allows = "$want_allows" ]]; then
    ok "USBGuard rules: hubs, mass storage, HID without boot protocol only (mode 0600)"
else
    fail "USBGuard rules.conf: mode $(stat -c %a "$rules"), rules '$allows'"
fi
# USBGuard's own parser (in the root, under qemu) accepts every line.
msg=$(in_root /usr/bin/usbguard-rule-parser -f /etc/usbguard/rules.conf 2>&1) &&
    ok "usbguard-rule-parser accepts rules.conf" || fail "usbguard-rule-parser: $(echo "$msg" | grep -A2 ERROR)"
grep -qx 'ImplicitPolicyTarget=block' "$R/etc/usbguard/usbguard-daemon.conf" ||
    fail "usbguard-daemon.conf: ImplicitPolicyTarget is not block"

# --- file systems ---------------------------------------------------------------------
fstab=$R/etc/fstab
grep -q '@LOTSE_GID@' "$fstab" && fail "fstab: @LOTSE_GID@ was not replaced"
gen=$OUT/fstab-generator
rm -rf "$gen"
mkdir -p "$gen"
SYSTEMD_FSTAB=$fstab SYSTEMD_PROC_CMDLINE="root=LABEL=lotse-root ro" \
    /lib/systemd/system-generators/systemd-fstab-generator "$gen" "$gen" "$gen" 2>"$OUT/fstab-generator.log" ||
    fail "systemd-fstab-generator rejected the fstab: $(cat "$OUT/fstab-generator.log")"
unit_has() { # unit_has UNIT LINE
    grep -qxF "$2" "$gen/$1" 2>/dev/null && ok "fstab -> $1: $2" || fail "fstab -> $1 lacks '$2'"
}
unit_has data.mount 'What=/dev/disk/by-label/lotse-data'
unit_has data.mount 'Options=rw,nosuid,nodev,noexec,noatime,errors=remount-ro'
unit_has var-lib-lotse.mount 'What=/data/lotse'
unit_has var-lib-lotse.mount 'RequiresMountsFor=/data'
unit_has var-lib-systemd.mount 'What=/data/systemd'
unit_has boot-firmware.mount 'What=/dev/disk/by-label/LOTSE-BOOT'
unit_has tmp.mount 'Type=tmpfs'
unit_has var-tmp.mount 'Type=tmpfs'
[[ $(awk '$2 == "/" { print $1, $4 }' "$fstab") = "LABEL=lotse-root ro,noatime,errors=remount-ro" ]] &&
    ok "fstab: root by LABEL, read-only" || fail "fstab: the root file system is not LABEL=lotse-root, ro"
gid=$(awk -F: '$1 == "lotse" { print $3 }' "$R/etc/group")
grep -q "^LABEL=LOTSE-BOOT .*gid=$gid," "$fstab" && ok "fstab: boot partition readable by group lotse ($gid)" ||
    fail "fstab: boot partition not for group lotse ($gid)"
for d in /data /var/lib/lotse /media/lotse-export /boot/firmware /tmp /var/tmp; do
    [[ -d $R$d ]] || fail "mount point $d is missing"
done
[[ $(stat -c %s "$R/etc/machine-id") = 0 ]] && ok "empty machine-id (made in RAM at boot)" ||
    fail "/etc/machine-id is not empty"
[[ -e $R/etc/.updated && -e $R/var/.updated ]] || fail "/etc/.updated or /var/.updated missing"
[[ -e $R/usr/lib/clock-epoch ]] || fail "/usr/lib/clock-epoch missing"

# --- USB stick -------------------------------------------------------------------------
grep -q 'SYSTEMD_WANTS}+="lotse-usb-mount@%k.service"' "$R/etc/udev/rules.d/90-lotse-usb-stick.rules" &&
    [[ -x $R/usr/lib/lotse-board/lotse-usb-mount ]] && ok "USB stick rule and mount helper" ||
    fail "USB stick rule or /usr/lib/lotse-board/lotse-usb-mount missing"
# The helper's argument handling, run inside the root (nothing is mounted).
msg=$(in_root /usr/lib/lotse-board/lotse-usb-mount mount nonexistent 2>&1) &&
    fail "lotse-usb-mount mounted a device that does not exist" ||
    { [[ $msg = *"is not a block device"* ]] && ok "lotse-usb-mount refuses a missing device" ||
        fail "lotse-usb-mount: unexpected message '$msg'"; }

# --- time --------------------------------------------------------------------------------
[[ $(readlink "$R/etc/localtime") = /usr/share/zoneinfo/Europe/Berlin && -e $R/usr/share/zoneinfo/Europe/Berlin ]] &&
    ok "time zone Europe/Berlin" || fail "time zone is not Europe/Berlin"
grep -qx 'FILE=/data/fake-hwclock/fake-hwclock.data' "$R/etc/default/fake-hwclock" &&
    [[ -x $R/sbin/fake-hwclock ]] && ok "fake-hwclock keeps its time on the data partition" ||
    fail "fake-hwclock is not installed or not set to the data partition"
# fake-hwclock reads FILE= from the environment only: both units must load the file.
for u in lib/systemd/system/fake-hwclock.service etc/systemd/system/fake-hwclock-save.service; do
    grep -qx 'EnvironmentFile=-/etc/default/fake-hwclock' "$R/$u" || fail "$u does not load /etc/default/fake-hwclock"
done
# And saving that way writes onto the data partition (here: the empty mount point).
mkdir -p "$R/data/fake-hwclock"
in_root env -i sh -c 'set -a; . /etc/default/fake-hwclock; exec /sbin/fake-hwclock save' &&
    [[ -s $R/data/fake-hwclock/fake-hwclock.data ]] && ok "fake-hwclock save writes /data/fake-hwclock/fake-hwclock.data" ||
    fail "fake-hwclock save did not write to the data partition"
rm -rf "$R/data/fake-hwclock"

# --- fonts -------------------------------------------------------------------------------
for p in fonts-noto-core fonts-dejavu-core; do
    s=$(dpkg-query --admindir="$R/var/lib/dpkg" -W -f='${db:Status-Status}' "$p" 2>&1 || true)
    [[ $s = installed ]] || fail "$p is not installed ($s)"
done
for f in noto/NotoSans-Regular.ttf noto/NotoSans-Bold.ttf noto/NotoSansArabic-Regular.ttf \
    noto/NotoSansEthiopic-Regular.ttf dejavu/DejaVuSans.ttf; do
    [[ -s $R/usr/share/fonts/truetype/$f ]] && ok "font $f" || fail "font $f is missing"
done

# --- boot files (only with the kernel) -------------------------------------------------
if [[ ${LOTSE_ROOTFS_KERNEL:-0} = 1 ]]; then
    B=$R/boot/firmware
    grep -qx 'dtparam=watchdog=on' "$B/config.txt" && ok "config.txt: hardware watchdog on" ||
        fail "config.txt lacks dtparam=watchdog=on"
    cmdline=$(cat "$B/cmdline.txt")
    [[ " $cmdline " = *" root=LABEL=lotse-root "* && " $cmdline " = *" ro "* && " $cmdline " != *" rw "* ]] &&
        ok "cmdline.txt: $cmdline" || fail "cmdline.txt: '$cmdline' (want root=LABEL=lotse-root ro)"
    compgen -G "$B/initrd.img-*" >/dev/null && compgen -G "$B/vmlinuz-*" >/dev/null &&
        [[ -s $B/bcm2711-rpi-4-b.dtb && -s $B/start4.elf && -s $B/bootcode.bin ]] &&
        ok "kernel, initramfs, device trees and firmware in /boot/firmware" ||
        fail "kernel, initramfs, device tree or firmware missing in /boot/firmware"
else
    echo "note: kernel, initramfs and boot partition files not checked (LOTSE_ROOTFS_KERNEL=1 does)"
fi

if ((failures)); then
    echo "FAIL: $failures check(s) failed (root file system kept in $R)" >&2
    exit 1
fi
echo "PASS: the kiosk root file system ($R)"
