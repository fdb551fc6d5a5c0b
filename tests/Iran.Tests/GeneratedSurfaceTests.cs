using System.Reflection;

namespace CityEServices.Iran.Tests;

/// <summary>What Iran.Generators writes for every [ValidatedValue] type, checked on each of them.</summary>
public class GeneratedSurfaceTests
{
    private static readonly Type[] Generated =
        [.. typeof(NationalId).Assembly.GetTypes().Where(t => t.GetCustomAttribute<ValidatedValueAttribute>() is not null)];

    public static TheoryData<Type> ValueTypes() => [.. Generated];

    [Fact]
    public void Every_identifier_is_generated() =>
        Assert.Equal(7, Generated.Length);

    [Theory]
    [MemberData(nameof(ValueTypes))]
    public void Empty_input_is_required_by_name(Type type)
    {
        var name = type.GetCustomAttribute<ValidatedValueAttribute>()!.Name;
        foreach (var input in new[] { null, "", " \t" })
        {
            Assert.Equal($"{name} is required.", Validate(type, input));
        }
    }

    [Theory]
    [MemberData(nameof(ValueTypes))]
    public void Parse_throws_with_the_reason_tryparse_gives(Type type)
    {
        var reason = Validate(type, "not a value!");
        Assert.NotNull(reason);
        var parse = type.GetMethod("Parse", [typeof(string)])!;
        var thrown = Assert.Throws<TargetInvocationException>(() => parse.Invoke(null, ["not a value!"]));
        Assert.Equal(reason, Assert.IsType<FormatException>(thrown.InnerException).Message);
    }

    private static string? Validate(Type type, string? input) =>
        (string?)type.GetMethod("Validate", [typeof(string)])!.Invoke(null, [input]);
}
