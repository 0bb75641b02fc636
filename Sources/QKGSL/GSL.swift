import CGSL

/// Process-wide GSL set-up and facts about the linked library.
public enum GSL {
    /// Turns off GSL's default error handler, which calls `abort()`.
    ///
    /// qkverify checks GSL's status codes itself and turns them into Swift errors.
    /// Safe to call any number of times; the first call does the work.
    public static func configure() {
        _ = errorHandlerOff
    }

    private static let errorHandlerOff: Void = {
        gsl_set_error_handler_off()
    }()
}
