using CityEServices.TestSupport;

namespace CityEServices.Stack.Commands;

/// <summary>Fresh valid national IDs, one a line, from the generator the tests use: the benchmarks' only source.</summary>
internal static class NationalIdsCommand
{
    public static int Run(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Console.Out.WriteLine(NationalIds.Next());
        }

        return 0;
    }
}
