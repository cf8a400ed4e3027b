#!/usr/bin/python3
"""The classic Python pattern for comparison: asyncio + aiohttp, a semaphore of 5, no rate limiter, no retries.

usage: aiohttp_lookup.py BASE_URL NAME...   prints one JSON line: seconds, statuses, count of 503s.
"""
import asyncio
import json
import sys
import time

import aiohttp

PROPERTIES = "Title,MolecularFormula,MolecularWeight,ExactMass,IUPACName,SMILES,ConnectivitySMILES,InChIKey,XLogP,Charge"


async def lookup(session, semaphore, base_url, name):
    async with semaphore:
        async with session.post(f"{base_url}/compound/name/property/{PROPERTIES}/JSON", data={"name": name}) as response:
            await response.read()
            return response.status


async def main(base_url, names):
    semaphore = asyncio.Semaphore(5)
    started = time.perf_counter()
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        results = await asyncio.gather(*(lookup(session, semaphore, base_url, n) for n in names),
                                       return_exceptions=True)
    elapsed = time.perf_counter() - started
    statuses = [r if isinstance(r, int) else repr(r) for r in results]
    print(json.dumps({"seconds": elapsed, "statuses": statuses, "busy503": statuses.count(503)}))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2:]))
