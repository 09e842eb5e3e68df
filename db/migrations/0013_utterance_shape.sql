-- One utterance shape from speech to storage: the columns take the names of core's `Utterance`
-- (index, speaker, engine, confidence), so a row read with postgres.camel parses through
-- `StoredUtteranceSchema` without a mapping layer. `is_final` goes: interim hypotheses are never
-- stored, so every row was final.
alter table utterances rename column seq to index;
alter table utterances rename column speaker_role to speaker;
alter table utterances rename column stt_engine to engine;
alter table utterances rename column stt_confidence to confidence;
alter table utterances drop column is_final;
