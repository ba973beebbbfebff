"""Running the pipeline's steps on more than one machine or process.

`executor` chooses the Dagster executor from the deployment's configuration (the default is unchanged: Dagster's
own multiprocess executor); `launch` runs the dataset jobs through that executor from outside the webserver (the
end-to-end test and operators' scripts); `shards` processes one shard (an agency's exports) on its own, the unit
that the sharded bench spreads over worker processes.
"""
