namespace CityEServices.Web.Tests.Features.Samples;

// Shapes the use-case convention is tested against (UseCaseRegistrationTests).
public sealed class ReadSample
{
    public string Handle() => "read";
}

public sealed class WriteSample
{
    public Task<string> HandleAsync(CancellationToken cancellationToken) => Task.FromResult("written");
}

public sealed class SampleHelper
{
    public string Help() => "not a use case";
}
