#!/bin/sh
# Add Hamish to the desktop's application menu for this user (run it from the application folder).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/hamish.png" "$icons/hamish.png"
sed "s#^Exec=hamish #Exec=\"$here/hamish\" #" "$here/hamish.desktop" > "$apps/hamish.desktop"
echo "Hamish is in the application menu ($apps/hamish.desktop)"
