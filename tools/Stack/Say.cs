namespace CityEServices.Stack;

/// <summary>What the launcher tells the developer, on stderr, like the rest of ./city ("[city] …").</summary>
internal static class Say
{
    public static void Line(string message)
    {
        try
        {
            Console.Error.WriteLine($"\u001b[1;36m[city]\u001b[0m {message}");
        }
        catch (IOException)
        {
            // The terminal has gone; stopping the stack matters more than saying so.
        }
    }
}
