/// Words the demo builds names and messages from.
enum DemoCorpus {
    static let firstNames = [
        "Alex", "Sam", "Jordan", "Taylor", "Casey", "Riley", "Morgan", "Jamie", "Avery", "Quinn",
        "Parker", "Drew", "Rowan", "Skyler", "Emerson", "Finley", "Harper", "Kai", "Logan", "Reese",
        "Noah", "Liam", "Mason", "Ethan", "Lucas", "Mia", "Ella", "Luna", "Zoe", "Nora",
    ]
    static let lastNames = [
        "Smith", "Jones", "Brown", "Garcia", "Miller", "Davis", "Lopez", "Wilson", "Moore", "Clark",
        "Lewis", "Walker", "Young", "King", "Wright", "Hill", "Green", "Baker", "Adams", "Nelson",
    ]
    static let creatorNames = ["Luna Vale", "Maya Storm", "Ivy Rose", "Nova Blake", "Aria Knox"]
    static let creatorTexts = [
        "Hey babe, thanks for subscribing!", "Good morning! What are you up to today?",
        "New set just dropped, check your DMs", "Did you see my latest post?",
        "I made something special just for you", "Happy weekend! Any plans?",
        "Thank you so much for the tip, you're amazing", "Behind the scenes from today's shoot",
        "What should I post next? Tell me", "Missed you! How was your day?",
    ]
    static let fanTexts = [
        "Hi! Love your content", "Good morning gorgeous", "That last set was amazing",
        "Can you do a custom video?", "How was your weekend?", "Just tipped you, enjoy!",
        "When is the next drop?", "You made my day", "haha that's so funny", "Thanks for the reply!",
        "100% worth it", "Do you have any bundles?", "Sending love from Berlin",
    ]
    static let massTexts = [
        "Weekend special: my newest photo set, unlocked just for you",
        "Exclusive video: 10 minutes behind the scenes",
        "Thank you for being here! A little gift for all my fans",
        "New bikini shoot, 25 photos, only here",
        "Flash sale: full-length video at half price today only",
        "Good morning everyone! Free preview inside",
        "Holiday set is live: unlock it before it's gone",
        "Voice note for my favourite fans",
    ]
}
