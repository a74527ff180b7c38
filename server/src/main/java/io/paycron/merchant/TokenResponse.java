package io.paycron.merchant;

/** The getToken answer: exactly these three keys, times in UNIX seconds. */
record TokenResponse(String accessToken, long now, long expiredAt) {}
