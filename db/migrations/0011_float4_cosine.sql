-- Exact cosine distance between two float4[] (1 - cosine similarity, as pgvector's <=>), used to
-- rank policy embeddings where the server has no pgvector (decision 0141). Plain SQL, so it is
-- created on every database; null when either vector is all zeros.
create function float4_cosine_distance(a float4[], b float4[]) returns float8
language sql immutable parallel safe as $$
  select 1 - sum(x::float8 * y) / nullif(sqrt(sum(x::float8 * x)) * sqrt(sum(y::float8 * y)), 0)
  from unnest(a, b) as t(x, y)
$$;
