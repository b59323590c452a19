//! Durations as users write them: `500ms`, `3s`, `2m`. (Being written.)
