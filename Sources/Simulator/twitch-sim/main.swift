print("twitch-sim")
