#!/usr/bin/env bash
# Makes an FTP server (Debian's vsftpd) and an SFTP server (Debian's openssh-server, its own sshd instance) answer on
# 127.0.0.1 for the connector tests, idempotently: reuses servers already answering, else installs the packages
# (root + apt) and starts them with configurations of their own under $CRM_FTP_STATE. Both serve one local user with a
# password. Source it (`. scripts/ftp.sh`) to get CRM_TEST_FTP and CRM_TEST_SFTP exported
# ("Host=...;Port=...;User=...;Password=..."); the tests skip, with a visible reason, when a variable is missing.
set -u
ftp_port=${CRM_FTP_PORT:-2121}
sftp_port=${CRM_SFTP_PORT:-2222}
state=${CRM_FTP_STATE:-/tmp/crm-ftp}
user=crm_ftp
password=crm_ftp_test
home=/srv/crm-ftp

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() { for _ in $(seq 1 20); do answers "$1" && return 0; sleep 0.5; done; return 1; }
is_root() { [ "$(id -u)" = 0 ]; }

install_packages() {
  local missing=()
  command -v vsftpd >/dev/null || [ -x /usr/sbin/vsftpd ] || missing+=(vsftpd)
  [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
  [ ${#missing[@]} = 0 ] && return 0
  is_root && command -v apt-get >/dev/null || return 1
  echo "ftp.sh: installing Debian's ${missing[*]}"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_user() {
  id "$user" >/dev/null 2>&1 || useradd --home-dir "$home" --shell /bin/bash "$user"
  echo "$user:$password" | chpasswd
  # The chroot root stays root-owned (sshd requires it); the user writes under it, in its own folder.
  mkdir -p "$home/crm" && chown root:root "$home" && chmod 755 "$home" && chown "$user" "$home/crm"
}

start_vsftpd() {
  mkdir -p "$state" /var/run/vsftpd/empty
  cat >"$state/vsftpd.conf" <<CONF
listen=YES
listen_address=127.0.0.1
listen_port=$ftp_port
background=YES
anonymous_enable=NO
local_enable=YES
write_enable=YES
local_umask=022
chroot_local_user=YES
pasv_enable=YES
pasv_address=127.0.0.1
pasv_min_port=${CRM_FTP_PASV_MIN:-30100}
pasv_max_port=${CRM_FTP_PASV_MAX:-30199}
secure_chroot_dir=/var/run/vsftpd/empty
pam_service_name=vsftpd
seccomp_sandbox=NO
xferlog_enable=YES
vsftpd_log_file=$state/vsftpd.log
CONF
  /usr/sbin/vsftpd "$state/vsftpd.conf"
  wait_for "$ftp_port"
}

start_sshd() {
  mkdir -p "$state" /run/sshd
  [ -s "$state/ssh_host_ed25519_key" ] || ssh-keygen -q -t ed25519 -N "" -f "$state/ssh_host_ed25519_key"
  cat >"$state/sshd_config" <<CONF
Port $sftp_port
ListenAddress 127.0.0.1
HostKey $state/ssh_host_ed25519_key
PidFile $state/sshd.pid
PasswordAuthentication yes
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin no
AllowUsers $user
Subsystem sftp internal-sftp
Match User $user
  ChrootDirectory $home
  ForceCommand internal-sftp
  AllowTcpForwarding no
CONF
  /usr/sbin/sshd -f "$state/sshd_config" -E "$state/sshd.log"
  wait_for "$sftp_port"
}

if answers "$ftp_port" && answers "$sftp_port"; then
  ready=yes
elif install_packages && is_root; then
  ensure_user
  { answers "$ftp_port" || start_vsftpd; } && { answers "$sftp_port" || start_sshd; } && ready=yes || ready=no
else
  ready=no
fi

if [ "$ready" = yes ]; then
  export CRM_TEST_FTP="Host=127.0.0.1;Port=$ftp_port;User=$user;Password=$password;Folder=/crm"
  export CRM_TEST_SFTP="Host=127.0.0.1;Port=$sftp_port;User=$user;Password=$password;Folder=/crm"
  echo "ftp.sh: FTP answers on 127.0.0.1:$ftp_port, SFTP on 127.0.0.1:$sftp_port (CRM_TEST_FTP, CRM_TEST_SFTP exported)"
else
  unset CRM_TEST_FTP CRM_TEST_SFTP
  echo "ftp.sh: the FTP/SFTP servers could not be started; FTP and SFTP tests will be skipped"
fi
