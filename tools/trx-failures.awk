# Prints each failed test of a .trx file with its message and the top of its stack trace, so a red CI
# log says why and not only which.
function unxml(s) {
  gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "'", s); gsub(/&#xD;/, "", s); gsub(/&amp;/, "\\&", s)
  return s
}
/<UnitTestResult / {
  failed = ($0 ~ /outcome="(Failed|Error|Timeout|Aborted)"/)
  if (failed) { name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name); print "--- FAILED " unxml(name); shown = 0 }
}
failed && /<Message>/ { inmsg = 1; sub(/.*<Message>/, "") }
failed && /<StackTrace>/ { instack = 1; stack = 0; sub(/.*<StackTrace>/, "") }
failed && (inmsg || instack) {
  line = $0; done = 0
  if (line ~ /<\/Message>|<\/StackTrace>/) { sub(/<\/(Message|StackTrace)>.*/, "", line); done = 1 }
  if (inmsg && shown < 40) { print "    " unxml(line); shown++ }
  if (instack && stack < 8) { print "    " unxml(line); stack++ }
  if (done) { inmsg = 0; instack = 0 }
}
/<\/UnitTestResult>/ { failed = 0; inmsg = 0; instack = 0 }
