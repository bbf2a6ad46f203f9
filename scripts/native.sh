# shellcheck shell=bash
# What the workbench needs from the process around its JVM, shared by ./workbench (the source
# tree) and dl4j-workbench (the installed package, packaging/linux/dl4j-workbench, which ships
# this file as lib/native.sh): which ND4J native build suits this CPU, and the environment
# variables a JVM cannot set for itself. Comments carry the measured reasons.

# The ND4J native build for this CPU, as a classifier suffix: -onednn-avx512, -onednn-avx2,
# -onednn (any x86-64), -generic, or nothing (arm64, where ND4J has no oneDNN build).
# oneDNN's convolutions train LeNet about 3x faster than the generic binary, and the AVX-512
# build another 10 to 20% (docs/decisions/0004). WORKBENCH_NATIVE picks another: generic,
# onednn, onednn-avx2, onednn-avx512, avx2, avx512 (a binary the CPU cannot run kills the JVM
# at start). Returns 2, with a message, for a value it does not know.
workbench_cpu_extension() {
  case ${WORKBENCH_NATIVE:-auto} in
    generic) echo "-generic" ;;
    auto)
      case $(uname -m) in
        x86_64|amd64)
          local flags
          flags=$(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null || sysctl -n machdep.cpu.features machdep.cpu.leaf7_features 2>/dev/null || true)
          flags=$(echo "$flags" | tr '[:upper:]' '[:lower:]')
          if [[ " $flags " == *" avx512f "* && " $flags " == *" avx512bw "* && " $flags " == *" avx512vl "* \
                && " $flags " == *" avx512dq "* ]]; then echo "-onednn-avx512"
          elif [[ " $flags " == *" avx2 "* ]]; then echo "-onednn-avx2"
          else echo "-onednn"; fi ;;
        *) echo "" ;; # no oneDNN build of ND4J for arm64
      esac ;;
    onednn|onednn-avx2|onednn-avx512|avx2|avx512) echo "-$WORKBENCH_NATIVE" ;;
    *) echo "workbench: WORKBENCH_NATIVE must be generic, onednn, onednn-avx2 or onednn-avx512, not '$WORKBENCH_NATIVE'" >&2
       return 2 ;;
  esac
}

# Exports what ND4J's native code reads from the environment, unless the user set it.
workbench_native_env() {
  # OpenMP threads that wait for work sleep instead of spinning: ND4J runs many small ops, and
  # spinning threads took the cores the training thread, the batch producer and the garbage
  # collector needed (LeNet: about 1,400 -> 2,000 images/s on 2 cores; docs/benchmarks.md).
  # Set OMP_WAIT_POLICY (empty: OpenMP's default) to choose otherwise.
  [ -n "${OMP_WAIT_POLICY+set}" ] || export OMP_WAIT_POLICY=passive

  # glibc hands allocations over 128 KB to mmap and returns them on free, so every minibatch's
  # arrays came back as fresh pages the kernel had to zero (a fifth of a cifar10-small profile
  # was page faults). Blocks under 256 MB stay in the heap instead, and up to 256 MB of freed
  # memory is kept for the next minibatch. Measured under load on 2 shared cores (to measure
  # again idle, docs/benchmarks.md): cifar10-small 294-299 -> 382-696 images/s, LeNet 645-680 ->
  # 825-1,187, cats-dogs unchanged; peak resident memory 0.6 -> 1.0-1.1 GB. Set
  # MALLOC_MMAP_THRESHOLD_ yourself (131072 is glibc's own) to choose otherwise.
  if [ -z "${MALLOC_MMAP_THRESHOLD_+set}" ]; then
    export MALLOC_MMAP_THRESHOLD_=268435456 MALLOC_TRIM_THRESHOLD_=268435456 MALLOC_TOP_PAD_=67108864
  fi
  # That keeps blocks only in glibc's main heap: every other thread (the training thread is one)
  # allocates from an arena of its own whose heaps hold at most 64 MB, so larger blocks (one
  # activation of cats-dogs' first layer is 67 MB) still went to mmap and came back as fresh
  # pages. One arena for all threads keeps them too: cats-dogs 80-88 -> 116 images/s on 2 idle
  # cores (docs/benchmarks.md), cifar10-small unchanged. Set MALLOC_ARENA_MAX to choose otherwise.
  [ -n "${MALLOC_ARENA_MAX+set}" ] || export MALLOC_ARENA_MAX=1
}

# JVM options every launch takes.
workbench_jvm_opts=(
  # JavaCPP refuses native allocations once the process's resident memory passes 4x the heap;
  # that counts the memory-mapped image cache and ND4J's own libraries, so a small heap with a
  # large image folder would fail for no real shortage. The operating system manages both.
  -Dorg.bytedeco.javacpp.maxPhysicalBytes=0
  # JavaFX and JavaCPP load native libraries and ND4J's dependencies use sun.misc.Unsafe; Java
  # 24+ allows both but warns on the console unless told.
  --enable-native-access=javafx.graphics,ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
)
