#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
# build-image.sh - builds the bootable SD-card image of the Lotse kiosk for the Raspberry
# Pi (3, 4, 400, CM4; 64-bit) from Debian packages only, without loop devices.
#
#   firmware/build-image.sh OUT.img [path/to/lotse_*_arm64.deb]
#   firmware/build-image.sh --rootfs-only DIR [--no-kernel] [path/to/lotse_*_arm64.deb]
#
# OUT.img gets three partitions (MBR): LOTSE-BOOT (FAT32: firmware, kernel, config.txt and
# the first-boot configuration lotse.conf), lotse-root (ext4, mounted read-only) and
# lotse-data (ext4: the kiosk's database and the saved time). OUT.img.bmap is written too
# when bmaptool is installed. --rootfs-only stops after the root file system (used by
# tests/rootfs/test_rootfs.sh; --no-kernel leaves out the kernel, initramfs and firmware).
#
# Needs root (or sudo), network access to deb.debian.org, and on a non-arm64 host
# qemu-user-static + binfmt-support: mmdebstrap arch-test dosfstools mtools e2fsprogs
# fdisk (bmap-tools optional). Takes the lotse .deb from the argument, else the newest
# lotse_*_arm64.deb in the current directory.
#
# Reproducible: fixed partition table id, file system UUIDs and labels, all times clamped
# to SOURCE_DATE_EPOCH. For a bit-identical rebuild use the same .deb, the same
# SOURCE_DATE_EPOCH and a fixed archive state, e.g.
#   MIRROR=http://snapshot.debian.org/archive/debian/20250520T000000Z
#   SECURITY_MIRROR=http://snapshot.debian.org/archive/debian-security/20250520T000000Z
# Settings (environment): SUITE (bookworm), MIRROR, SECURITY_MIRROR, SOURCE_DATE_EPOCH,
# BOOT_MB (256), DATA_MB (256), ROOT_EXTRA_MB (free space on the root file system, 64).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
BOARD=$REPO/board

SUITE=${SUITE:-bookworm}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${SECURITY_MIRROR:-http://deb.debian.org/debian-security}
# 2025-05-20 00:00 UTC unless given: the time stamp of every file in the image.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1747699200}
BOOT_MB=${BOOT_MB:-256}
DATA_MB=${DATA_MB:-256}
ROOT_EXTRA_MB=${ROOT_EXTRA_MB:-64}

# Fixed identities (reproducible; the system finds its partitions by LABEL).
DISK_ID=0x4c6f7453
BOOT_LABEL=LOTSE-BOOT
BOOT_VOLID=4C4F5442
ROOT_LABEL=lotse-root
ROOT_UUID=6c6f7473-652d-4000-8000-726f6f746673
DATA_LABEL=lotse-data
DATA_UUID=6c6f7473-652d-4000-8000-646174610000

# What the kiosk system is made of (see board/README.md for why each is there).
SYSTEM_PKGS=systemd-sysv,udev,kmod,dbus,fake-hwclock,usbguard,tzdata,e2fsprogs,dosfstools
BOOT_PKGS=linux-image-arm64,raspi-firmware,initramfs-tools

die() { echo "build-image: $*" >&2; exit 1; }
log() { echo "build-image: $*" >&2; }

usage() {
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# --- the root file system -------------------------------------------------------------

# essential ROOT: runs inside mmdebstrap before the kernel is installed. Building the
# initramfs under qemu takes minutes, and the kernel, udev, kmod and raspi-firmware would
# each rebuild it: update-initramfs does nothing until customize runs it once at the end.
essential() {
    local root=$1
    chroot "$root" dpkg-divert --quiet --local --rename --add /usr/sbin/update-initramfs
    printf '#!/bin/sh\necho "update-initramfs: deferred by the Lotse image build" >&2\n' \
        >"$root/usr/sbin/update-initramfs"
    chmod 0755 "$root/usr/sbin/update-initramfs"
}

# clamp_times DIR: no time stamp in DIR later than SOURCE_DATE_EPOCH.
clamp_times() {
    local root=$1
    find "$root" -xdev \( -path "$root/dev" -o -path "$root/proc" -o -path "$root/sys" \) -prune \
        -o -newermt "@$SOURCE_DATE_EPOCH" -print0 |
        xargs -0r touch --no-dereference --date="@$SOURCE_DATE_EPOCH"
}

# customize ROOT: runs inside mmdebstrap after all packages are installed (root mode:
# ROOT is a directory on this host; commands inside it run through chroot + qemu).
customize() {
    local root=$1
    log "customizing $root"
    # The board files, owned by root.
    tar -C "$BOARD/rootfs" --owner=0 --group=0 --mode=u+rw,go+r,go-w -cf - . |
        tar -C "$root" --no-same-owner -xf -
    chmod 0600 "$root"/etc/usbguard/rules.conf "$root"/etc/usbguard/usbguard-daemon.conf
    chmod 0755 "$root"/usr/lib/lotse-board/lotse-usb-mount

    # The group lotse (created by the lotse package) may read the boot partition.
    local gid
    gid=$(awk -F: '$1 == "lotse" { print $3 }' "$root/etc/group")
    [[ -n $gid ]] || die "the lotse package did not create the group lotse"
    sed -i "s/@LOTSE_GID@/$gid/" "$root/etc/fstab"

    # Time zone.
    ln -sfn /usr/share/zoneinfo/Europe/Berlin "$root/etc/localtime"
    echo Europe/Berlin >"$root/etc/timezone"
    echo lotse-kiosk >"$root/etc/hostname"
    printf '127.0.0.1\tlocalhost\n127.0.1.1\tlotse-kiosk\n::1\tlocalhost ip6-localhost ip6-loopback\n' \
        >"$root/etc/hosts"

    # Mount points on the read-only root.
    mkdir -p "$root/data" "$root/var/lib/lotse" "$root/media/lotse-export" "$root/boot/firmware"
    chmod 0755 "$root/media/lotse-export"

    # Lock-down: no login anywhere, Ctrl+Alt+Del does nothing; jobs that would write to
    # the read-only root or need a network are off.
    local unit
    for unit in getty@tty1.service serial-getty@.service ctrl-alt-del.target \
        apt-daily.timer apt-daily-upgrade.timer dpkg-db-backup.timer e2scrub_all.timer \
        e2scrub_reap.service fstrim.timer; do
        ln -sfn /dev/null "$root/etc/systemd/system/$unit"
    done
    systemctl --root="$root" enable lotse.service lotse-export-done.path \
        fake-hwclock-save.timer fake-hwclock.service usbguard.service

    # No SSH server in the image, root's password locked (no login at all).
    if [[ -e $root/usr/sbin/sshd ]]; then die "sshd must not be in the image"; fi
    chroot "$root" passwd --lock root >/dev/null

    # The kiosk's state folder: a mount point here, the folder itself is on the data
    # partition (see make_data_dir).
    chown root:root "$root/var/lib/lotse"

    # The kernel command line and config.txt (written by raspi-firmware's kernel hook
    # from /etc/default/raspi-*), regenerated with the board's settings.
    # The initramfs, built once now (see essential); its post-update hook runs
    # raspi-firmware, which copies kernel, initramfs and device trees to /boot/firmware.
    # raspi-firmware always writes "rw"; the root file system is read-only from the start.
    if [[ -d $root/usr/lib/raspi-firmware ]]; then
        (
            # shellcheck disable=SC1091
            . "$root/etc/default/raspi-firmware"
            printf '%s\n' "${LOTSE_CMDLINE:?}" >"$root/etc/default/raspi-extra-cmdline"
        )
        if [[ -e $root/usr/sbin/update-initramfs.distrib ]]; then
            rm "$root/usr/sbin/update-initramfs"
            chroot "$root" dpkg-divert --quiet --local --rename --remove /usr/sbin/update-initramfs
        fi
        local kver
        kver=$(find "$root/lib/modules" -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -1)
        log "initramfs for $kver"
        chroot "$root" update-initramfs -c -k "$kver"
        [[ -s $root/boot/firmware/cmdline.txt && -e $root/boot/firmware/initrd.img-$kver ]] ||
            die "raspi-firmware did not fill /boot/firmware"
        sed -i 's/ rw / /; s/  */ /g; s/^ //; s/ $//' "$root/boot/firmware/cmdline.txt"
    fi

    # systemd sets the clock at boot to at least this file's time (the image's date),
    # before fake-hwclock restores the last saved time.
    touch "$root/usr/lib/clock-epoch"

    # An empty machine-id: systemd makes a new one in RAM at every boot (read-only root).
    : >"$root/etc/machine-id"
    rm -f "$root/var/lib/dbus/machine-id"
    # Logs and caches of the build.
    rm -rf "$root"/var/log/apt/* "$root"/var/log/dpkg.log "$root"/var/log/alternatives.log \
        "$root"/var/cache/ldconfig/aux-cache "$root"/var/cache/debconf/*-old \
        "$root"/var/lib/dpkg/*-old "$root"/var/cache/apt/*.bin

    # Every time stamp at most SOURCE_DATE_EPOCH, then mark /etc and /var as up to date
    # for /usr (ConditionNeedsUpdate=), or boot would try to rebuild caches on the
    # read-only root.
    clamp_times "$root"
    # (What systemd-update-done would write; Debian does not ship it.)
    local usr_ns f
    usr_ns=$(stat -c %Y "$root/usr")000000000
    for f in "$root/etc/.updated" "$root/var/.updated"; do
        printf '# Written by the Lotse image build (like systemd-update-done): %s\nTIMESTAMP_NSEC=%s\n' \
            "/usr is up to date" "$usr_ns" >"$f"
    done
    touch --no-dereference --date="@$SOURCE_DATE_EPOCH" "$root/etc/.updated" "$root/var/.updated" \
        "$root/etc" "$root/var"
}

# build_rootfs DIR DEB WITH_KERNEL: the root file system in DIR (must not exist or be empty).
build_rootfs() {
    local dir=$1 deb=$2 with_kernel=$3
    local pkgs=$SYSTEM_PKGS self
    self=$(readlink -f "${BASH_SOURCE[0]}")
    local hooks=()
    if [[ $with_kernel = yes ]]; then
        pkgs=$pkgs,$BOOT_PKGS
        hooks=(--essential-hook="'$self' --essential \"\$1\"")
    fi
    log "root file system: $SUITE arm64, packages $pkgs + $(basename "$deb")"
    # Documentation and translations of other programs are left out (the kiosk's own
    # README and its locales are kept). file-mirror-automount makes the .deb visible to
    # apt inside the chroot.
    mmdebstrap --mode=root --arch=arm64 --variant=minbase \
        --components=main,non-free-firmware \
        --include="$pkgs" --include="$deb" \
        --hook-dir=/usr/share/mmdebstrap/hooks/file-mirror-automount \
        --dpkgopt='path-exclude=/usr/share/man/*' \
        --dpkgopt='path-exclude=/usr/share/info/*' \
        --dpkgopt='path-exclude=/usr/share/locale/*' \
        --dpkgopt='path-exclude=/usr/share/doc/*' \
        --dpkgopt='path-include=/usr/share/doc/*/copyright' \
        --dpkgopt='path-include=/usr/share/doc/lotse/*' \
        "${hooks[@]}" \
        --customize-hook="'$self' --customize \"\$1\"" \
        "$SUITE" "$dir" \
        "deb $MIRROR $SUITE main non-free-firmware" \
        "deb $MIRROR $SUITE-updates main non-free-firmware" \
        "deb $SECURITY_MIRROR $SUITE-security main non-free-firmware"
    # mmdebstrap's clean-up after the customize hook touched /etc once more.
    clamp_times "$dir"
}

find_deb() {
    local deb
    deb=$(find . -maxdepth 1 -name 'lotse_*_arm64.deb' -printf '%T@ %p\n' | sort -n | tail -1 |
        cut -d' ' -f2-)
    [[ -n $deb ]] || die "no lotse_*_arm64.deb given and none in $(pwd)"
    echo "$deb"
}

check_deb() {
    local deb=$1
    [[ -f $deb ]] || die "$deb: no such file"
    local arch
    arch=$(dpkg-deb -f "$deb" Architecture) || die "$deb is not a Debian package"
    [[ $arch = arm64 ]] || die "$deb is for $arch, the Raspberry Pi image needs arm64"
    [[ $(dpkg-deb -f "$deb" Package) = lotse ]] || die "$deb is not the lotse package"
    readlink -f "$deb"
}

# --- the data partition and the image ------------------------------------------------------

# make_data_dir ROOT DIR: the initial content of the data partition.
make_data_dir() {
    local root=$1 dir=$2 uid gid
    uid=$(awk -F: '$1 == "lotse" { print $3 }' "$root/etc/passwd")
    gid=$(awk -F: '$1 == "lotse" { print $3 }' "$root/etc/group")
    mkdir -p "$dir/lotse" "$dir/fake-hwclock"
    chown "$uid:$gid" "$dir/lotse"
    chmod 0700 "$dir/lotse"
    # systemd's state (random seed, timer stamps) is bind-mounted from here.
    cp -a "$root/var/lib/systemd" "$dir/systemd"
    # The clock starts no earlier than the image's date.
    date -u -d "@$SOURCE_DATE_EPOCH" '+%Y-%m-%d %H:%M:%S' >"$dir/fake-hwclock/fake-hwclock.data"
    find "$dir" -print0 | xargs -0r touch --no-dereference --date="@$SOURCE_DATE_EPOCH"
}

# mkext4 IMG SIZE_MB LABEL UUID DIR
mkext4() {
    E2FSPROGS_FAKE_TIME=$SOURCE_DATE_EPOCH mkfs.ext4 -q -F -t ext4 -b 4096 -L "$3" -U "$4" \
        -E "hash_seed=$4,root_owner=0:0" -d "$5" "$1" "${2}M"
}

build_image() {
    local out=$1 deb=$2 work
    work=$(mktemp -d "${TMPDIR:-/tmp}/lotse-image.XXXXXX")
    # shellcheck disable=SC2064
    trap "rm -rf '$work'" EXIT
    build_rootfs "$work/root" "$deb" yes

    # The boot partition: what raspi-firmware put into /boot/firmware, plus the
    # first-boot configuration; /boot/firmware stays as an empty mount point.
    log "boot partition"
    mkdir "$work/boot"
    find "$work/root/boot/firmware" -mindepth 1 -maxdepth 1 -exec mv -t "$work/boot" {} +
    [[ -f $work/boot/config.txt && -f $work/boot/cmdline.txt ]] ||
        die "raspi-firmware wrote no config.txt/cmdline.txt"
    install -m 0644 "$BOARD/boot/lotse.conf" "$work/boot/lotse.conf"
    find "$work/boot" -print0 | xargs -0r touch --date="@$SOURCE_DATE_EPOCH"
    local boot_used
    boot_used=$(du -sm "$work/boot" | cut -f1)
    ((boot_used + 32 < BOOT_MB)) || die "boot files ($boot_used MB) do not fit into BOOT_MB=$BOOT_MB"
    rm -f "$work/boot.img"
    mkfs.vfat -C -F 32 -n "$BOOT_LABEL" -i "$BOOT_VOLID" --invariant "$work/boot.img" \
        $((BOOT_MB * 1024)) >/dev/null
    # Sorted, so the FAT directory order does not depend on readdir.
    (cd "$work/boot" && find . -mindepth 1 -maxdepth 1 -printf '%P\n' | LC_ALL=C sort |
        while IFS= read -r f; do
            TZ=UTC mcopy -s -p -m -i "$work/boot.img" "$f" ::
        done)

    log "data partition"
    make_data_dir "$work/root" "$work/data"
    mkext4 "$work/data.img" "$DATA_MB" "$DATA_LABEL" "$DATA_UUID" "$work/data"

    log "root partition"
    clamp_times "$work/root"
    local root_mb
    root_mb=$(du -sm --apparent-size "$work/root" | cut -f1)
    root_mb=$(((root_mb * 115 / 100 + ROOT_EXTRA_MB + 3) / 4 * 4))
    mkext4 "$work/root.img" "$root_mb" "$ROOT_LABEL" "$ROOT_UUID" "$work/root"

    # The partition table: 4 MiB aligned (SD card erase blocks), MBR so every Pi boots it.
    log "assembling $out"
    local s=2048 # sectors per MiB
    local boot_start=$((8 * s)) root_start data_start total
    root_start=$((boot_start + BOOT_MB * s))
    data_start=$((root_start + root_mb * s))
    total=$((data_start + DATA_MB * s + 8 * s))
    rm -f "$out"
    truncate -s $((total * 512)) "$out"
    sfdisk --quiet --no-reread --no-tell-kernel "$out" <<EOF
label: dos
label-id: $DISK_ID
unit: sectors

start=$boot_start, size=$((BOOT_MB * s)), type=c, bootable
start=$root_start, size=$((root_mb * s)), type=83
start=$data_start, size=$((DATA_MB * s)), type=83
EOF
    dd if="$work/boot.img" of="$out" bs=1M seek=$((boot_start / s)) conv=notrunc,sparse status=none
    dd if="$work/root.img" of="$out" bs=1M seek=$((root_start / s)) conv=notrunc,sparse status=none
    dd if="$work/data.img" of="$out" bs=1M seek=$((data_start / s)) conv=notrunc,sparse status=none
    touch --date="@$SOURCE_DATE_EPOCH" "$out"
    if command -v bmaptool >/dev/null; then
        bmaptool create -o "$out.bmap" "$out"
    fi
    log "done: $out ($((total / s)) MiB; boot $BOOT_MB, root $root_mb, data $DATA_MB MiB)"
}

# --- main ---------------------------------------------------------------------------------

[[ $(id -u) = 0 ]] || exec sudo --preserve-env=SUITE,MIRROR,SECURITY_MIRROR,SOURCE_DATE_EPOCH,BOOT_MB,DATA_MB,ROOT_EXTRA_MB,TMPDIR "$0" "$@"

case "${1:-}" in
--customize)
    customize "${2:?}"
    ;;
--essential)
    essential "${2:?}"
    ;;
--rootfs-only)
    shift
    dir=${1:-}
    [[ -n $dir ]] || usage
    shift
    with_kernel=yes
    if [[ ${1:-} = --no-kernel ]]; then
        with_kernel=no
        shift
    fi
    deb=$(check_deb "${1:-$(find_deb)}")
    [[ ! -e $dir ]] || [[ -z $(ls -A "$dir") ]] || die "$dir exists and is not empty"
    build_rootfs "$dir" "$deb" "$with_kernel"
    ;;
"" | -h | --help | -*)
    usage
    ;;
*)
    out=$1
    deb=$(check_deb "${2:-$(find_deb)}")
    build_image "$out" "$deb"
    ;;
esac
