# Everyday commands. Each installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint format demo geometry serve clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test,serve,export]"
	touch $(STAMP)

run: $(STAMP)  ## install, build the demo store on first run, serve on http://127.0.0.1:8050
	$(BIN)/python run.py

test: lint  ## the gates (make lint), then install Debian chromium, haproxy and redis-server and run every test, browser tests included
	./scripts/install_chromium.sh
	./scripts/install_haproxy.sh
	./scripts/install_redis.sh
	./scripts/install_r.sh
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## every test except the browser ones, the load-balancer one and the wheel's
	./scripts/install_redis.sh
	$(BIN)/python -m pytest -m "not browser and not lb and not packaging"

lint: $(STAMP)  ## the gates: formatting, ruff (line length, SQL injection...), mypy, import contracts
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(STAMP)  ## rewrite every file in the house format (ruff format); make lint checks it
	$(BIN)/ruff format .

demo: $(STAMP)  ## rebuild the default demo store (50,000 survey records, seed 42)
	$(BIN)/python -m dashboard build-demo

geometry: $(STAMP)  ## rebuild data/geo and assets/topojson from registry packages (needs npm)
	$(BIN)/python scripts/build_geometry.py

serve: $(STAMP)  ## production: gunicorn, EUIOM_WORKERS workers, store opened read-only in each
	$(BIN)/python -m dashboard build-demo --if-missing
	$(BIN)/gunicorn -c gunicorn.conf.py dashboard.wsgi:server

clean:
	rm -rf $(VENV) data/store test-artifacts .pytest_cache

# Benchmarks, load test and bad-input suite (results in benchmarks/README.md).
BENCH_DIR ?= /tmp/bench
BENCH_SIZES ?= 100000,1000000,10000000
# The commit before the speed work (issue #14): what bench-browser and load-compare measure as "before".
BASELINE ?= bcef1ae
.PHONY: bench load bad-input bench-browser load-compare

bench: $(STAMP)  ## callback server time, response size and worker memory at 100k/1M/10M records, next to pandas
	$(BIN)/python -m benchmarks.callbacks --sizes $(BENCH_SIZES) --reuse-dir $(BENCH_DIR) $(BENCH_ARGS)

load: $(STAMP)  ## 50 simulated users for 60 s against gunicorn on 127.0.0.1 (1M-record store)
	$(BIN)/python -m benchmarks.load --store $(BENCH_DIR)/1m.duckdb --build-rows 1000000 --users 50 --seconds 60 $(LOAD_ARGS)

bad-input: $(STAMP)  ## malformed, oversized and injection-shaped input in callbacks, URLs, imports and exports
	$(BIN)/python -m pytest tests/test_bad_input*.py -q

bench-browser: $(STAMP)  ## bytes and time to drawn per page in headless Chromium, before (BASELINE) and after, loopback and throttled
	./scripts/install_chromium.sh
	$(BIN)/python -m benchmarks.browser --baseline $(BASELINE) $(BROWSER_ARGS)

load-compare: $(STAMP)  ## 100 users pausing 1-3 s, and 50 users without pause (saturation), before (BASELINE) and after
	$(BIN)/python -m benchmarks.load --store $(BENCH_DIR)/1m.duckdb --build-rows 1000000 --users 100 --seconds 60 --baseline $(BASELINE) --label "1m, 100 users, think 1–3 s, before"
	$(BIN)/python -m benchmarks.load --store $(BENCH_DIR)/1m.duckdb --users 100 --seconds 60 --label "1m, 100 users, think 1–3 s, after"
	$(BIN)/python -m benchmarks.load --store $(BENCH_DIR)/1m.duckdb --users 50 --seconds 30 --think-min 0 --think-max 0 --baseline $(BASELINE) --label "1m, 50 users, no pause (saturation), before"
	$(BIN)/python -m benchmarks.load --store $(BENCH_DIR)/1m.duckdb --users 50 --seconds 30 --think-min 0 --think-max 0 --label "1m, 50 users, no pause (saturation), after"
