# Gedeeld door start.sh, stop.sh en ophalen.sh: de werkmap van de uitrol (pids, logs, nginx.conf, statische
# bestanden). Standaard /tmp/sociale-basis-deploy-<uid>; een andere met $SOCIALE_BASIS_DEPLOY.
# Waarom de controle: in /tmp kan een andere gebruiker de map eerder aanmaken (of er een symlink neerzetten) en
# dan onze nginx.conf of pids vervangen. De map moet dus van ons zijn en voor niemand anders schrijfbaar; leesbaar
# mag wel (0755), want de nginx-workers lezen er de statische bestanden uit.
MAP="${SOCIALE_BASIS_DEPLOY:-/tmp/sociale-basis-deploy-$(id -u)}"
werkmap_veilig() {
    mkdir -m 755 -p "$(dirname "$MAP")"
    mkdir -m 755 "$MAP" 2>/dev/null || true
    if [ -L "$MAP" ] || [ ! -d "$MAP" ]; then
        echo "deploy: $MAP is geen gewone map (een symlink?); kies een andere met SOCIALE_BASIS_DEPLOY" >&2
        return 2
    fi
    if [ "$(stat -c %u "$MAP")" != "$(id -u)" ]; then
        echo "deploy: $MAP is van een andere gebruiker ($(stat -c %U "$MAP")); kies een andere met SOCIALE_BASIS_DEPLOY" >&2
        return 2
    fi
    if [ -n "$(find "$MAP" -maxdepth 0 -perm /022)" ]; then
        echo "deploy: $MAP is schrijfbaar voor anderen ($(stat -c %A "$MAP")); chmod go-w, of kies een andere map" >&2
        return 2
    fi
}
