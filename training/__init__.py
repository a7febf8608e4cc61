"""Building, training and measuring Lantern's analysis: never imported by the app."""
