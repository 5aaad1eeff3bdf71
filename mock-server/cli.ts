console.log('iiq: the IntentIQ command line');
