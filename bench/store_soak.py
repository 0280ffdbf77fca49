#!/usr/bin/env python3
"""A long soak of the bookmark store: `tests/store_faults.rs` in bulk.

Rounds of `nkread bookmarks add` killed with SIGKILL at a random moment,
some under `ulimit -f`, while another process lists; after each round the
file must parse and hold every bookmark a process said it saved, and no
temporary file may be left once a save has succeeded.

    cargo build --release
    python3 bench/store_soak.py [ROUNDS] [BINARY]   # 2000, target/release/nkread
"""
import json, os, random, shutil, signal, subprocess, sys, tempfile, time

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
binary = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else "target/release/nkread")
home = tempfile.mkdtemp(prefix="nkread-soak-")
env = dict(os.environ, HOME=home, XDG_DATA_HOME=f"{home}/data",
           XDG_CONFIG_HOME=f"{home}/config", XDG_CACHE_HOME=f"{home}/cache")
docs = f"{home}/docs"
os.makedirs(docs)
with open(f"{docs}/doc0.toml", "w") as f:
    paragraphs = ",\n".join(f'  "Soak paragraph {p}."' for p in range(1, 401))
    f.write(f'id = "doc0"\ntitle = "Soak"\ndate = "2020"\nkind = "statement"\n'
            f'paragraphs = [\n{paragraphs}\n]\n')
path = f"{home}/data/nkread/bookmarks.json"
saved, killed, limited = set(), 0, 0
rng = random.Random(7)
start = time.time()
for n in range(rounds):
    command = [binary, f"--corpus={docs}", "bookmarks", "add", "doc0", str(rng.randint(1, 400))]
    if rng.random() < 0.1:
        command = ["sh", "-c", f'ulimit -f {rng.randint(1, 64)}; exec "$@"', "sh"] + command
        limited += 1
    lister = subprocess.Popen([binary, "bookmarks"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    time.sleep(rng.random() * 0.06)
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate()
    lister.wait()
    if child.returncode == 0:
        saved.add(out.decode().strip())
    else:
        killed += 1
    if os.path.exists(path):
        with open(path, "rb") as f:
            ids = {b["id"] for b in json.load(f)["bookmarks"]}
        lost = saved - ids
        assert not lost, f"round {n}: saved and gone: {lost}"
ok = subprocess.run([binary, f"--corpus={docs}", "bookmarks", "add", "doc0", "1"], env=env,
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
assert ok.returncode == 0
left = [n for n in os.listdir(f"{home}/data/nkread") if ".tmp-" in n]
assert not left, f"temporary files left: {left}"
print(f"{rounds} rounds in {time.time() - start:.0f} s: {len(saved)} saves acknowledged, "
      f"{killed} killed or refused, {limited} under ulimit -f; nothing lost")
shutil.rmtree(home)
