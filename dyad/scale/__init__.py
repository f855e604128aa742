"""Scale-out engines for `dyad ingest`: the same pipeline mapped over partitions on a cluster.

    from dyad.scale.ray_engine import ingest_ray
    summary = ingest_ray(store, ["archive.jsonl.gz"], workers=8, address="auto")

Ray is an optional extra (`pip install 'dyad[ray]'`); nothing here imports it until it runs.
"""
