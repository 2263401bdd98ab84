#!/bin/sh
# The image's own files besides the application, for Jib's extraDirectories (pom.xml, profile
# `image`): a Java runtime cut by jlink from the JDK that runs the build, the C libraries it and
# the embedded PostgreSQL's binaries link against, a /bin/sh (pg_ctl starts the server through
# one), the user 10001 (initdb looks up its own user), and an empty /data and /tmp.
# The image starts FROM scratch: no base image has to be pulled from a registry.
#   ops/image/root.sh <output directory>
set -eu
out=$1
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/bin" "$out/data" "$out/tmp"

# the modules Spring Boot, Tomcat, the PostgreSQL driver, Bouncy Castle and JMX use
"$jdk/bin/jlink" --output "$out/opt/jre" --strip-debug --no-header-files --no-man-pages \
  --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,java.xml.crypto,jdk.crypto.ec,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
# a server draws no windows, plays no sound and renders no fonts (its charts are SVG text): without
# these, the image needs none of X11's, ALSA's or FreeType's libraries
rm -f "$out"/opt/jre/lib/libawt_xawt.so "$out"/opt/jre/lib/libsplashscreen.so "$out"/opt/jre/lib/libjsound.so \
  "$out"/opt/jre/lib/libfontmanager.so "$out"/opt/jre/lib/liblcms.so "$out"/opt/jre/lib/libjavajpeg.so

# the shared libraries those ELF files need, and what PostgreSQL's binaries (unpacked at run time,
# with their own OpenSSL, ICU and libxml2) need from the system, each at its own path
libraries() {
  find "$out/opt/jre" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null | awk '$3 ~ /^\// {print $3} $1 ~ /^\// {print $1}'
  ldd /bin/sh | awk '$3 ~ /^\// {print $3} $1 ~ /^\// {print $1}'
  for lib in libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libgcc_s.so.1 libstdc++.so.6; do
    ldconfig -p | awk -v lib="$lib" '$1 == lib && /x86-64|AArch64/ {print $NF; exit}'
  done
}
libraries | sort -u | while read -r lib; do
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done
# the dynamic loader is found by the path baked into each binary: make both usual paths resolve
for loader in /lib64/ld-linux-x86-64.so.2 /lib/ld-linux-aarch64.so.1; do
  if [ -e "$loader" ]; then mkdir -p "$out$(dirname "$loader")"; cp -L "$loader" "$out$loader"; fi
done
cp -L /bin/sh "$out/bin/sh"

cat >"$out/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/sbin/nologin
commonscloud:x:10001:10001:Commons Cloud:/data:/sbin/nologin
PASSWD
cat >"$out/etc/group" <<GROUP
root:x:0:
commonscloud:x:10001:
GROUP
# reproducible: the same input files give the same image (Jib sets the times in the layers itself)
find "$out" -exec touch -h -d @1 {} +
