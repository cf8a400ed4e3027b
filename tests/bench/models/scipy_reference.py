# Times scipy on the same two models as bench_models_solve (run by it with /usr/bin/python3).
# Prints one line per case: "<case> <ms per solve> <P(150)>".
import sys
import time

import numpy as np
from scipy.integrate import solve_ivp



def fed_batch(t, y):
    X, S, P, V = y
    u = 0.02
    mu = 0.02 * S / (0.05 + S + S * S / 5.0)
    D = u / V
    return [mu * X - D * X, -mu * X / 0.5 - 0.004 * X / 1.2 + D * (200.0 - S), 0.004 * X - D * P, u]


def fed_batch_oxygen(t, y):
    X, S, P, V, C = y
    u = 0.02
    mu = 0.02 * S / (0.05 + S + S * S / 5.0) * C / (0.0005 + C)
    D = u / V
    qo = mu / 0.8 + 0.002
    return [mu * X - D * X, -mu * X / 0.5 - 0.004 * X / 1.2 + D * (200.0 - S), 0.004 * X - D * P, u,
            250.0 * (0.0075 - C) - qo * X - D * C]


def timed(label, f, y0, method, repeats):
    solution = solve_ivp(f, (0.0, 150.0), y0, method=method)
    start = time.perf_counter()
    for _ in range(repeats):
        solution = solve_ivp(f, (0.0, 150.0), y0, method=method)
    elapsed = (time.perf_counter() - start) / repeats
    print(f"{label} {elapsed * 1e3:.4f} {solution.y[2, -1]:.6f} {solution.t.size}", flush=True)


timed("fedbatch_RK45", fed_batch, [1.0, 0.5, 0.0, 120.0], "RK45", 200)
timed("oxygen_LSODA", fed_batch_oxygen, [1.0, 0.5, 0.0, 120.0, 0.0075], "LSODA", 50)
