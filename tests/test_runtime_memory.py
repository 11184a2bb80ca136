"""dashboard/runtime/memory.py: the cycle collector's warm-up freeze (in a child process: a freeze lasts)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = """
import gc, json
from dashboard.runtime import memory
before = gc.get_freeze_count()
froze = [memory.freeze_after_warmup() for _ in range(memory.FREEZE_AFTER_RUNS + 2)]
print(json.dumps({"froze": froze, "runs": memory.FREEZE_AFTER_RUNS, "before": before,
                  "after": gc.get_freeze_count()}))
"""


def test_the_collector_freezes_once_after_the_warm_up_runs():
    done = subprocess.run(
        [sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    expected = [False] * (result["runs"] - 1) + [True, False, False]
    assert result["froze"] == expected
    assert result["before"] == 0
    assert result["after"] > 1000  # every module object alive at that point
