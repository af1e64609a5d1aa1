module.exports = async function (context, item) {
  context.log('audit item received');
};
