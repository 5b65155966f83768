#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for CI and for trying `metart experiment --slurm`:
# munged, slurmctld and slurmd started from a plain shell (no systemd), with their configuration,
# state, logs and pid files in one folder; nothing under /etc/slurm is written.
#
#   .ci/slurm-one-node.sh start DIR    start it; prints `export SLURM_CONF=DIR/slurm.conf`, which
#                                      sbatch, squeue and scontrol need to find this cluster
#   .ci/slurm-one-node.sh stop DIR     stop the daemons this script started (by their pids)
#
# Needs Debian's slurm-wlm and munge packages (apt-get install slurm-wlm munge) and root.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)
conf="$dir/slurm.conf"
export SLURM_CONF="$conf"

wait_for() { # seconds, description, command...
  local seconds=$1 what=$2
  shift 2
  local until=$(($(date +%s) + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$until" ]; then
      echo "slurm-one-node: $what did not happen within ${seconds}s (logs in $dir)" >&2
      return 1
    fi
    sleep 0.5
  done
}

start_munge() {
  if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    echo "munged: already running (not started by this script, will not be stopped)"
    return
  fi
  install -d -o munge -g munge -m 0755 /run/munge
  install -d -o munge -g munge -m 0700 /etc/munge /var/lib/munge /var/log/munge
  [ -f /etc/munge/munge.key ] || runuser -u munge -- mungekey --create
  runuser -u munge -- /usr/sbin/munged
  wait_for 10 "munged starting" test -s /run/munge/munged.pid
  cp /run/munge/munged.pid "$dir/munged.pid" # ours to stop
  wait_for 10 "munge credentials working" sh -c 'munge -n | unmunge'
  echo "munged: started (pid $(cat "$dir/munged.pid"))"
}

write_conf() {
  local node cpus memory
  node=$(hostname -s)
  cpus=$(nproc)
  memory=$(($(free -m | awk '/^Mem:/ {print $2}') * 9 / 10))
  getent hosts "$node" >/dev/null || echo "127.0.0.1 $node" >>/etc/hosts
  mkdir -p "$dir/state" "$dir/spool" "$dir/log"
  cat >"$conf" <<EOF
# written by .ci/slurm-one-node.sh: a one-node cluster on $node
ClusterName=metart
SlurmctldHost=$node
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
}

node_idle() { [ "$(sinfo -h -o %t | head -n 1)" = idle ]; }
controller_up() { scontrol ping | grep -q UP; }

case "$action" in
  start)
    command -v slurmctld >/dev/null && command -v munged >/dev/null \
      || { echo "slurm-one-node: slurmctld or munged missing: apt-get install slurm-wlm munge" >&2; exit 1; }
    start_munge
    write_conf
    /usr/sbin/slurmctld -f "$conf"
    wait_for 30 "slurmctld answering (scontrol ping)" controller_up
    /usr/sbin/slurmd -f "$conf"
    wait_for 30 "the node becoming idle (sinfo)" node_idle
    echo "slurm: controller pid $(cat "$dir/slurmctld.pid"), node daemon pid $(cat "$dir/slurmd.pid"), partition debug"
    echo "export SLURM_CONF=$conf"
    ;;
  stop)
    pids=()
    for name in slurmctld slurmd; do
      [ -s "$dir/$name.pid" ] && pids+=("$(cat "$dir/$name.pid")")
    done
    if [ ${#pids[@]} -gt 0 ]; then
      scontrol shutdown >/dev/null 2>&1 || true
      for pid in "${pids[@]}"; do
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
      done
      rm -f "$dir/slurmctld.pid" "$dir/slurmd.pid"
      echo "slurm: stopped pids ${pids[*]}"
    fi
    if [ -s "$dir/munged.pid" ]; then
      pid=$(cat "$dir/munged.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      rm -f "$dir/munged.pid"
      echo "munged: stopped pid $pid"
    fi
    ;;
  *) usage ;;
esac
