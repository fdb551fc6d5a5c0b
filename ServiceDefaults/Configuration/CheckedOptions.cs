using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class CheckedOptions
{
    /// <summary>
    /// Options bound from <paramref name="section"/> and checked when the host starts: a wrong setting stops
    /// the service at once with <paramref name="message"/>, not at the first request that reads it.
    /// </summary>
    public static OptionsBuilder<T> AddCheckedOptions<T>(this IServiceCollection services, string section, Func<T, bool> isSound, string message)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section).Validate(isSound, message).ValidateOnStart();
}
